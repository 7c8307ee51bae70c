package vmlayout.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The names one architecture's engine accepts through -D, in a stable order. */
public final class SymbolCatalog {

    private final Arch arch;
    private final Map<String, Symbol> byName = new LinkedHashMap<>();

    public SymbolCatalog(Arch arch, List<Symbol> symbols) {
        this.arch = arch;
        for (Symbol s : symbols) {
            byName.put(s.name(), s);
        }
    }

    public List<Symbol> symbols() {
        return List.copyOf(byName.values());
    }

    /** The symbol called {@code name}, or null when this arch has none. */
    public Symbol get(String name) {
        return byName.get(name);
    }

    /** The symbol called {@code name}, or an input error that lists every name this arch knows. */
    public Symbol find(String name) {
        return find(name, "-D " + name);
    }

    private Symbol find(String name, String origin) {
        Symbol s = byName.get(name);
        if (s == null) {
            throw new InputException(origin + ": " + name + " is not a name --arch " + arch.id() + " knows; known: "
                    + byName.keySet().stream().collect(Collectors.joining(" ")));
        }
        return s;
    }

    /** Reads every define against this catalog: name to value (booleans as 1/0), in the order given. */
    public Map<String, Long> read(Defines defines) {
        Map<String, Long> cached = defines.readBy(this);
        if (cached != null) {
            return cached;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : defines.raw().entrySet()) {
            String origin = defines.origin(e.getKey());
            out.put(e.getKey(), find(e.getKey(), origin).read(e.getValue(), origin));
        }
        defines.rememberRead(this, out);
        return out;
    }
}
