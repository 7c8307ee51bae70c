package vmlayout.check;

import java.util.List;
import vmlayout.engine.Layout;

/**
 * One checked configuration: the board (its name, origin and files), its layout, the requirements and what
 * failed.
 */
public record CheckResult(BoardSources board, Layout layout, List<Requirement> requirements, List<Finding> findings) {

    /** How the text output names the board. */
    public String origin() {
        return board.origin;
    }
}
