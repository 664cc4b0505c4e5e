package io.wharf.server.pki;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The DNS names and IP addresses the API server's certificate must be valid for. Clients verify
 * the address they dialled against these subjectAltNames, so a name missing here means a TLS
 * failure for whoever uses it: kubectl on the host, pods using the in-cluster service name, a
 * client that connects by the node's IP.
 */
public record ServingNames(List<String> dnsNames, List<InetAddress> ipAddresses) {
    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";
    /** The first address of the default service CIDR 10.96.0.0/12, given to the "kubernetes" service. */
    public static final InetAddress DEFAULT_KUBERNETES_SERVICE_IP = address(10, 96, 0, 1);

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    public ServingNames {
        Set<String> dns = new LinkedHashSet<>();
        for (String name : dnsNames) {
            dns.add(normalize(name));
        }
        dnsNames = List.copyOf(dns);
        ipAddresses = List.copyOf(new LinkedHashSet<>(ipAddresses));
    }

    /**
     * localhost, this machine's host name, the in-cluster names of the kubernetes service for
     * {@value #DEFAULT_CLUSTER_DOMAIN}, and 127.0.0.1, ::1, 10.96.0.1.
     */
    public static ServingNames defaults() {
        return defaults(localHostName(), DEFAULT_CLUSTER_DOMAIN, DEFAULT_KUBERNETES_SERVICE_IP);
    }

    /** The default set for a given host name (null to leave it out), cluster domain and service IP. */
    public static ServingNames defaults(String hostName, String clusterDomain, InetAddress kubernetesServiceIp) {
        List<String> dns = new ArrayList<>();
        dns.add("localhost");
        if (hostName != null && !hostName.isBlank()) {
            dns.add(hostName);
        }
        dns.add("kubernetes");
        dns.add("kubernetes.default");
        dns.add("kubernetes.default.svc");
        dns.add("kubernetes.default.svc." + normalize(clusterDomain));
        List<InetAddress> ips = List.of(address(127, 0, 0, 1), loopbackV6(), kubernetesServiceIp);
        return new ServingNames(dns, ips);
    }

    /** This set plus more names and addresses (e.g. from --tls-san or --bind-address), duplicates dropped. */
    public ServingNames with(Collection<String> moreDnsNames, Collection<InetAddress> moreIpAddresses) {
        List<String> dns = new ArrayList<>(dnsNames);
        dns.addAll(moreDnsNames);
        List<InetAddress> ips = new ArrayList<>(ipAddresses);
        ips.addAll(moreIpAddresses);
        return new ServingNames(dns, ips);
    }

    /** The names and addresses of this set that {@code cert}'s subjectAltNames do not cover; empty when all are. */
    public List<String> missingFrom(X509Certificate cert) {
        Set<String> certDns = new LinkedHashSet<>();
        Set<InetAddress> certIps = new LinkedHashSet<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == SAN_DNS) {
                        certDns.add(normalize((String) san.get(1)));
                    } else if (type == SAN_IP) {
                        // The JDK renders IP SANs as literals, so this parses without a DNS lookup.
                        certIps.add(InetAddress.getByName((String) san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException | UnknownHostException e) {
            throw new IllegalArgumentException("unreadable subjectAltName in certificate", e);
        }
        List<String> missing = new ArrayList<>();
        for (String dns : dnsNames) {
            if (!certDns.contains(dns)) {
                missing.add(dns);
            }
        }
        for (InetAddress ip : ipAddresses) {
            if (!certIps.contains(ip)) {
                missing.add(ip.getHostAddress());
            }
        }
        return missing;
    }

    /** DNS names compare case-insensitively and a trailing dot means the same name. */
    private static String normalize(String dnsName) {
        if (dnsName == null || dnsName.isBlank()) {
            throw new IllegalArgumentException("empty DNS name");
        }
        String name = dnsName.trim().toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * The kernel's host name, as Go's os.Hostname reads it. InetAddress.getLocalHost() is only the
     * fallback because it resolves the name and fails on machines whose name is not in DNS.
     */
    static String localHostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.US_ASCII).trim();
                if (!name.isEmpty()) {
                    return name.toLowerCase(Locale.ROOT);
                }
            }
        } catch (IOException ignored) {
            // Fall through to the portable ways.
        }
        String env = System.getenv("HOSTNAME");
        if (env == null || env.isBlank()) {
            env = System.getenv("COMPUTERNAME");
        }
        if (env != null && !env.isBlank()) {
            return env.trim().toLowerCase(Locale.ROOT);
        }
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress loopbackV6() {
        byte[] bytes = new byte[16];
        bytes[15] = 1;
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
