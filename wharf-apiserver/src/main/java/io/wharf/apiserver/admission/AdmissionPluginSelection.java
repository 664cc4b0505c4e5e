package io.wharf.apiserver.admission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plugins run, from --enable-admission-plugins and --disable-admission-plugins: upstream's
 * defaults that Wharf implements, plus the enabled ones, minus the disabled ones, always in
 * upstream's order. Names are checked like upstream checks them; in addition, enabling a plugin
 * upstream has but Wharf does not implement is refused rather than silently ignored. Disabling one
 * is accepted, since it never runs anyway.
 */
public final class AdmissionPluginSelection {
    private final List<String> enabled;
    private final List<String> ignoredDisables;

    private AdmissionPluginSelection(List<String> enabled, List<String> ignoredDisables) {
        this.enabled = List.copyOf(enabled);
        this.ignoredDisables = List.copyOf(ignoredDisables);
    }

    /**
     * @param implemented the plugin names Wharf can run
     * @param enable      the names given to --enable-admission-plugins
     * @param disable     the names given to --disable-admission-plugins
     * @throws IllegalArgumentException naming every name that cannot be honoured
     */
    public static AdmissionPluginSelection of(Collection<String> implemented, List<String> enable, List<String> disable) {
        Set<String> on = names(enable);
        Set<String> off = names(disable);
        List<String> errors = new ArrayList<>();
        for (String name : on) {
            if (!UpstreamAdmissionPlugins.ORDER.contains(name)) {
                errors.add("enable-admission-plugins plugin \"" + name + "\" is unknown");
            } else if (!implemented.contains(name)) {
                errors.add("enable-admission-plugins plugin \"" + name + "\" is not implemented by Wharf (it implements "
                        + String.join(", ", inOrder(implemented)) + ")");
            }
        }
        List<String> ignored = new ArrayList<>();
        for (String name : off) {
            if (!UpstreamAdmissionPlugins.ORDER.contains(name)) {
                errors.add("disable-admission-plugins plugin \"" + name + "\" is unknown");
            } else if (!implemented.contains(name)) {
                ignored.add(name);
            }
        }
        Set<String> both = new TreeSet<>(on);
        both.retainAll(off);
        if (!both.isEmpty()) {
            errors.add("[" + String.join(" ", both) + "] in enable-admission-plugins and disable-admission-plugins overlapped");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        List<String> enabled = new ArrayList<>();
        for (String name : UpstreamAdmissionPlugins.ORDER) {
            boolean wanted = on.contains(name) || (UpstreamAdmissionPlugins.DEFAULT_ON.contains(name) && !off.contains(name));
            if (wanted && implemented.contains(name)) {
                enabled.add(name);
            }
        }
        return new AdmissionPluginSelection(enabled, ignored);
    }

    /** The plugins to run, in upstream's order. */
    public List<String> enabled() {
        return enabled;
    }

    /** Disabled names Wharf does not implement: nothing to switch off. */
    public List<String> ignoredDisables() {
        return ignoredDisables;
    }

    private static Set<String> names(List<String> flag) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : flag) {
            String t = n.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> inOrder(Collection<String> names) {
        return UpstreamAdmissionPlugins.ORDER.stream().filter(names::contains).toList();
    }
}
