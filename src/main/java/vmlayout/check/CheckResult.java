package vmlayout.check;

import java.util.List;
import vmlayout.engine.Layout;

/** One checked configuration: where it came from, its layout, the requirements and what failed. */
public record CheckResult(String origin, Layout layout, List<Requirement> requirements, List<Finding> findings) {
}
