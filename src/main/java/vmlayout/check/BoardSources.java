package vmlayout.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a board's inputs are in the user's files, so that a finding can point at the line to change:
 * each kernel parameter of the board's own bootargs with its line (in a bootargs file, or the line of the
 * profile's or project's key that holds it), the lines of the profile's keys, and the file to point at
 * when nothing more precise is known.
 */
public final class BoardSources {

    /** One kernel parameter of the board's bootargs and where it was written. */
    public record Param(String name, String text, Location at) {
    }

    /** The board's name in titles and messages: the project's name, the profile's, or the origin. */
    public final String name;
    /** The board as the text output names it: "PROFILE + BOOTARGS", or the name. */
    public final String origin;
    final List<Param> params = new ArrayList<>();
    final Map<String, Location> keys = new LinkedHashMap<>();
    /** The board's files in the order they were read (profile, bootargs, project entry), with a file. */
    public final List<Location> files = new ArrayList<>();
    private Location primary = Location.NONE;

    public BoardSources(String name, String origin) {
        this.name = name;
        this.origin = origin;
    }

    /** A parameter of the board's bootargs written at {@code at}. */
    public BoardSources param(String name, String text, Location at) {
        params.add(new Param(name, text, at));
        return this;
    }

    /** A profile key ("ram", "e820", "bootargs", "defines.HIGHMEM" ...) written at {@code at}. */
    public BoardSources key(String key, Location at) {
        if (at.hasFile()) {
            keys.put(key, at);
        }
        return this;
    }

    /** A file of the board; the first one given is where findings point when nothing is more precise. */
    public BoardSources file(Location at) {
        if (at.hasFile()) {
            boolean known = false;
            for (Location f : files) {
                known |= f.file().equals(at.file());
            }
            if (!known) {
                files.add(at.at(0));
            }
            if (!primary.hasFile()) {
                primary = at;
            }
        }
        return this;
    }

    /** The file (and line) to point at when a finding names nothing of the board's inputs. */
    public Location primary() {
        return primary;
    }

    /** The board of options alone, or of a built-in profile: no file. */
    public static BoardSources named(String name) {
        return new BoardSources(name, name);
    }
}
