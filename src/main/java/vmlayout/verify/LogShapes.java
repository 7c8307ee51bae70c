package vmlayout.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Verifier} asks {@link LineShapes} about a log's lines and about the predicted lines,
 * answered once per log instead of once per prediction. verify compares one log with a prediction for
 * every value of every guessed input it tries (a dozen or more), and those questions are regular
 * expressions: asked again each time they were most of verify's time (issue 18: every command within
 * 1.5x of a bare JVM). The answers are those of LineShapes (pure functions of the text).
 */
final class LogShapes {

    /** The most predicted texts remembered (a prediction has tens; the bound is for pathological inputs). */
    private static final int MEMO_MAX = 4096;

    /** Some line starts the boot ("Linux version "). */
    final boolean bootStart;
    /** Some line is the layout table's header. */
    final boolean header;
    /** Some line is /proc/meminfo's first ("MemTotal:"). */
    final boolean meminfo;
    /** Each line is one vmlayout predicts and not the "Memory:" line of 5.8+ (a candidate for an extra line). */
    final boolean[] predictedNotMemory;
    /** Each line is one of the zone report. */
    final boolean[] zone;
    /** Each predicted-looking line's row label (LineShapes.rowLabel), else null. */
    final String[] rowLabel;
    /** The index of the "Memory: ...K/...K available" line, -1 for none, -2 not looked for yet (Verifier's). */
    int memoryLine = -2;
    /** The last line when it is a table row the log may cut short, -1 for none, -2 not looked at yet (Verifier.cut). */
    int cutLine = -2;
    /** That row's label and its text without white space. */
    String cutLabel;
    String cutTail;

    private final Map<String, Text> memo = new HashMap<>();

    LogShapes(List<BootLog.Line> lines) {
        boolean start = false;
        boolean head = false;
        boolean mem = false;
        predictedNotMemory = new boolean[lines.size()];
        zone = new boolean[lines.size()];
        rowLabel = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            start |= t.startsWith("Linux version ");
            mem |= t.startsWith("MemTotal:");
            head |= LineShapes.isHeader(t);
            predictedNotMemory[i] = LineShapes.isPredicted(t) && !LineShapes.isMemoryLine(t);
            zone[i] = LineShapes.isZoneLine(t);
            if (predictedNotMemory[i]) {
                rowLabel[i] = LineShapes.rowLabel(t);
            }
        }
        bootStart = start;
        header = head;
        meminfo = mem;
    }

    /** What is asked about a predicted line's text (stripped or not, as the caller has it). */
    static final class Text {
        final String rowLabel;
        final String squeezed;
        final boolean header;
        final boolean zone;
        private String kind;
        private Long rowStart;
        private Boolean biosMap;
        private final String text;

        private Text(String text) {
            this.text = text;
            this.rowLabel = LineShapes.rowLabel(text);
            this.squeezed = LineShapes.squeeze(text);
            this.header = LineShapes.isHeader(text);
            this.zone = LineShapes.isZoneLine(text);
        }

        String kind() {
            if (kind == null) {
                kind = LineShapes.kind(text);
            }
            return kind;
        }

        long rowStart() {
            if (rowStart == null) {
                rowStart = LineShapes.rowStart(text);
            }
            return rowStart;
        }

        boolean biosMap() {
            if (biosMap == null) {
                biosMap = LineShapes.isBiosMap(text);
            }
            return biosMap;
        }
    }

    /** The answers for a predicted line's text, remembered for the next prediction. */
    Text of(String text) {
        Text t = memo.get(text);
        if (t == null) {
            t = new Text(text);
            if (memo.size() < MEMO_MAX) {
                memo.put(text, t);
            }
        }
        return t;
    }
}
