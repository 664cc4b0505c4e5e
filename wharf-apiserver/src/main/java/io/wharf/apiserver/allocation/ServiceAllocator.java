package io.wharf.apiserver.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.api.validation.FieldProblem;
import io.wharf.store.Store;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Cluster IPs from the service CIDR and node ports from the NodePort range, for Service objects:
 * honours requested values (422 with upstream's messages when taken or out of range), picks free
 * ones otherwise, and gives them back when a Service stops using them.
 */
public final class ServiceAllocator {
    static final String IP_PREFIX = "/registry/allocations/serviceips/";
    static final String PORT_PREFIX = "/registry/allocations/servicenodeports/";

    private final String cidr;
    private final long network;
    private final RangeAllocator ips;
    private final RangeAllocator ports;
    private final int portBase;
    private final int portMax;
    private final long cidrSize;
    private final String group;

    /**
     * @param serviceCidr e.g. {@code 10.96.0.0/12}
     * @param portRange   e.g. {@code 30000-32767}
     */
    public ServiceAllocator(Store store, String serviceCidr, String portRange, Clock clock) {
        this.group = "";
        this.cidr = serviceCidr;
        String[] c = serviceCidr.split("/");
        int bits = Integer.parseInt(c[1]);
        long base = ipv4(c[0]);
        long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
        this.network = base & mask;
        this.cidrSize = 1L << (32 - bits);
        int size = (int) Math.min(cidrSize, Integer.MAX_VALUE);
        // the network address (offset 0) and, for ranges with one, the broadcast address are never used
        int usable = size > 2 ? size - 1 : size;
        this.ips = new RangeAllocator(store, IP_PREFIX, usable, 1, this::ipAt, this::offsetOfText, clock);
        String[] p = portRange.split("-");
        this.portBase = Integer.parseInt(p[0].trim());
        this.portMax = Integer.parseInt(p[1].trim());
        this.ports = new RangeAllocator(store, PORT_PREFIX, portMax - portBase + 1, 0, i -> Integer.toString(portBase + i),
                this::memberOfPort, clock);
    }

    public RangeAllocator ips() {
        return ips;
    }

    public RangeAllocator ports() {
        return ports;
    }

    /** The first address of the range, which the {@code kubernetes} Service gets. */
    public String firstIp() {
        return ipAt(1);
    }

    public String cidr() {
        return cidr;
    }

    public int portBase() {
        return portBase;
    }

    /**
     * The first member handed out dynamically: upstream keeps a lower band of the range for requested
     * IPs (ServiceIPStaticSubrange), sized from the CIDR and counted from the first usable address.
     */
    private int dynamicFloor() {
        return 1 + staticBand(cidrSize, 16, 256, 16);
    }

    /** The first node port handed out dynamically: upstream keeps a lower band for requested ports too. */
    private int portFloor() {
        return staticBand(ports.size(), 16, 128, 32);
    }

    /** Upstream's calculateRangeOffset: min(max(min, size/step), max), and no band for tiny ranges. */
    static int staticBand(long rangeSize, int min, int max, int step) {
        if (rangeSize <= min) {
            return 0;
        }
        return (int) Math.min(Math.max(min, rangeSize / step), max);
    }

    // ---------------------------------------------------------------- allocation for a Service

    /** What one call reserved, so it can be given back if the write that needed it fails. */
    public record Reservation(List<Integer> ips, List<Integer> ports) {
        public static final Reservation NONE = new Reservation(List.of(), List.of());
    }

    /**
     * Reserves the cluster IP and node ports {@code svc} needs beyond what {@code old} (null on
     * create) already holds, writing the chosen values into {@code svc}.
     */
    public Reservation reserve(ObjectNode svc, ObjectNode old, String owner, boolean dryRun) {
        List<Integer> takenIps = new ArrayList<>();
        List<Integer> takenPorts = new ArrayList<>();
        try {
            reserveIp(svc, old, owner, dryRun, takenIps);
            reservePorts(svc, old, owner, dryRun, takenPorts);
        } catch (RuntimeException e) {
            release(new Reservation(takenIps, takenPorts));
            throw e;
        }
        return new Reservation(takenIps, takenPorts);
    }

    public void release(Reservation r) {
        r.ips().forEach(ips::release);
        r.ports().forEach(ports::release);
    }

    /** Gives back what {@code old} held and {@code now} (null when deleted) no longer uses. */
    public void releaseUnused(ObjectNode old, ObjectNode now) {
        String oldIp = clusterIp(old);
        if (oldIp != null && !oldIp.equals(clusterIp(now))) {
            int off = offsetOf(oldIp);
            if (off > 0) {
                ips.release(off);
            }
        }
        List<Integer> keep = now == null ? List.of() : nodePorts(now);
        for (int p : nodePorts(old)) {
            if (!keep.contains(p)) {
                ports.release(p - portBase);
            }
        }
    }

    private void reserveIp(ObjectNode svc, ObjectNode old, String owner, boolean dryRun, List<Integer> taken) {
        ObjectNode spec = Json.with(svc, "spec");
        String type = spec.path("type").asText("ClusterIP");
        if (type.equals("ExternalName")) {
            return;
        }
        String requested = spec.path("clusterIP").asText("");
        if (requested.isEmpty()) {
            JsonNode list = spec.path("clusterIPs");
            if (list.isArray() && !list.isEmpty()) {
                requested = list.get(0).asText("");
            }
        }
        if (old != null && requested.equals(clusterIp(old)) && !requested.isEmpty()) {
            return; // kept from before
        }
        if (requested.equals("None")) {
            setIp(spec, "None");
            return;
        }
        if (requested.isEmpty()) {
            int off = dryRun ? ips.peekFree(dynamicFloor()) : ips.takeAny(owner, dynamicFloor());
            if (off < 0) {
                throw ApiException.internal("failed to allocate a serviceIP: range is full");
            }
            if (!dryRun) {
                taken.add(off);
            }
            setIp(spec, ipAt(off));
            return;
        }
        int off = offsetOf(requested);
        if (off <= 0 || off >= ips.size()) {
            throw invalidIp(svc, requested, "the provided IP (" + requested + ") is not in the valid range. The range of valid IPs is " + cidr);
        }
        // a member this owner already held (its namesake's) is not this call's to give back on failure
        boolean held = !dryRun && ips.isTaken(off);
        boolean ok = dryRun ? !ips.isTaken(off) : ips.take(off, owner);
        if (!ok) {
            throw invalidIp(svc, requested, "provided IP is already allocated");
        }
        if (!dryRun && !held) {
            taken.add(off);
        }
        setIp(spec, requested);
    }

    private ApiException invalidIp(ObjectNode svc, String ip, String why) {
        return ApiException.invalid(group, "Service", Json.text(svc, "metadata", "name"), List.of(
                FieldProblem.invalid("spec.clusterIPs", List.of(ip), "failed to allocate IP " + ip + ": " + why)));
    }

    private static void setIp(ObjectNode spec, String ip) {
        spec.put("clusterIP", ip);
        ArrayNode list = spec.putArray("clusterIPs");
        list.add(ip);
        if (!spec.has("ipFamilies") && !ip.equals("None")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        if (!spec.has("ipFamilyPolicy")) {
            spec.put("ipFamilyPolicy", "SingleStack");
        }
    }

    private void reservePorts(ObjectNode svc, ObjectNode old, String owner, boolean dryRun, List<Integer> taken) {
        ObjectNode spec = Json.with(svc, "spec");
        String type = spec.path("type").asText("ClusterIP");
        JsonNode portsNode = spec.get("ports");
        if (portsNode == null || !portsNode.isArray()) {
            return;
        }
        boolean needsNodePorts = type.equals("NodePort") || (type.equals("LoadBalancer")
                && spec.path("allocateLoadBalancerNodePorts").asBoolean(true));
        List<Integer> held = old == null ? List.of() : nodePorts(old);
        List<Integer> usedHere = new ArrayList<>();
        for (int i = 0; i < portsNode.size(); i++) {
            ObjectNode port = (ObjectNode) portsNode.get(i);
            int requested = port.path("nodePort").asInt(0);
            if (!needsNodePorts) {
                if (requested != 0 && !type.equals("LoadBalancer")) {
                    port.remove("nodePort");
                }
                if (requested == 0 || !type.equals("LoadBalancer")) {
                    continue;
                }
            }
            if (requested == 0) {
                int off = dryRun ? ports.peekFree(portFloor()) : ports.takeAny(owner, portFloor());
                if (off < 0) {
                    throw ApiException.internal("failed to allocate a nodePort: range is full");
                }
                if (!dryRun) {
                    taken.add(off);
                }
                port.put("nodePort", portBase + off);
                usedHere.add(portBase + off);
                continue;
            }
            if (held.contains(requested) || usedHere.contains(requested)) {
                usedHere.add(requested);
                continue; // already this Service's, or shared by two ports with different protocols
            }
            if (requested < portBase || requested > portMax) {
                throw invalidPort(svc, i, requested, "provided port is not in the valid range. The range of valid ports is " + portBase + "-" + portMax);
            }
            boolean alreadyHeld = !dryRun && ports.isTaken(requested - portBase);
            boolean ok = dryRun ? !ports.isTaken(requested - portBase) : ports.take(requested - portBase, owner);
            if (!ok) {
                throw invalidPort(svc, i, requested, "provided port is already allocated");
            }
            if (!dryRun && !alreadyHeld) {
                taken.add(requested - portBase);
            }
            usedHere.add(requested);
        }
    }

    private ApiException invalidPort(ObjectNode svc, int index, int port, String why) {
        return ApiException.invalid(group, "Service", Json.text(svc, "metadata", "name"), List.of(
                FieldProblem.invalid("spec.ports[" + index + "].nodePort", port, why)));
    }

    // ---------------------------------------------------------------- reading a Service

    /** The cluster IP a Service holds from the range, or null. */
    public static String clusterIp(ObjectNode svc) {
        if (svc == null) {
            return null;
        }
        String ip = svc.path("spec").path("clusterIP").asText("");
        return ip.isEmpty() || ip.equals("None") ? null : ip;
    }

    public static List<Integer> nodePorts(ObjectNode svc) {
        List<Integer> out = new ArrayList<>();
        if (svc == null) {
            return out;
        }
        for (JsonNode p : svc.path("spec").path("ports")) {
            int n = p.path("nodePort").asInt(0);
            if (n > 0 && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- address arithmetic

    String ipAt(int offset) {
        long v = network + offset;
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }

    /** Offset of an IP within the range, -1 when it is not an IPv4 address inside it. */
    public int offsetOf(String ip) {
        long v;
        try {
            v = ipv4(ip);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        long off = v - network;
        return off < 0 || off >= ips.size() + 1L ? -1 : (int) off;
    }

    private int offsetOfText(String ip) {
        return offsetOf(ip);
    }

    private int memberOfPort(String s) {
        try {
            int p = Integer.parseInt(s);
            return p < portBase || p > portMax ? -1 : p - portBase;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long ipv4(String s) {
        if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IPv4 address: " + s);
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (!(a instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            byte[] b = a.getAddress();
            return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
