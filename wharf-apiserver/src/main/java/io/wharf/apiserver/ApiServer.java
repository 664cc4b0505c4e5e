package io.wharf.apiserver;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.wharf.api.json.Json;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.admission.AdmissionChain;
import io.wharf.apiserver.admission.AdmissionPluginSelection;
import io.wharf.apiserver.admission.BuiltinAdmissionPlugins;
import io.wharf.apiserver.admission.NamespaceLifecycle;
import io.wharf.apiserver.admission.StorageClusterObjects;
import io.wharf.apiserver.admission.quota.StorageQuotaStatusWriter;
import io.wharf.apiserver.allocation.ServiceAllocator;
import io.wharf.apiserver.auth.TokenAuthenticator;
import io.wharf.apiserver.bootstrap.ApiServerLeases;
import io.wharf.apiserver.bootstrap.SystemObjects;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.crd.CustomResourceController;
import io.wharf.apiserver.discovery.DiscoveryHandler;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.health.HealthChecks;
import io.wharf.apiserver.http.HttpServer;
import io.wharf.apiserver.http.Patcher;
import io.wharf.apiserver.http.Renderer;
import io.wharf.apiserver.http.ResourceHandler;
import io.wharf.apiserver.http.ResourcePath;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.http.Responses;
import io.wharf.apiserver.kinds.BuiltinStrategies;
import io.wharf.apiserver.kinds.PodBindings;
import io.wharf.apiserver.kinds.PodEvictions;
import io.wharf.apiserver.kubelet.KubeletConnector;
import io.wharf.apiserver.kubelet.KubeletLocator;
import io.wharf.apiserver.kubelet.KubeletProxy;
import io.wharf.apiserver.kubelet.KubeletSubresources;
import io.wharf.apiserver.kubelet.PodConnections;
import io.wharf.apiserver.openapi.OpenApiHandler;
import io.wharf.apiserver.openapi.SwaggerHandler;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.resources.BuiltinResources;
import io.wharf.apiserver.resources.ResourceRegistry;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import io.wharf.apiserver.resources.VersionConverter;
import io.wharf.apiserver.resources.conversion.EventConverter;
import io.wharf.apiserver.resources.conversion.HpaConverter;
import io.wharf.apiserver.snapshot.SnapshotHandler;
import io.wharf.apiserver.table.Printers;
import io.wharf.store.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server: every built-in resource on the given store, behind one HTTPS listener with
 * discovery, OpenAPI, health checks and the REST verbs. Other components reach it only over HTTP.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** How often this server renews its lease among the live API servers (upstream: 10 s for a 15 s TTL). */
    private static final long LEASE_RENEWAL_SECONDS = 10;

    private final ApiServerOptions options;
    private final Store store;
    private final Clock clock;
    private final ResourceRegistry registry = new ResourceRegistry();
    /** Every storage by "group/resource"; custom resource storages come and go while serving. */
    private final ConcurrentMap<String, ResourceStorage> storages = new ConcurrentHashMap<>();
    private final ServiceAllocator services;
    /** The admission plugins to run, checked when the server is built so a bad flag fails before anything starts. */
    private final AdmissionPluginSelection admissionPlugins;
    private final ThreadPoolExecutor workers;
    private final SnapshotHandler snapshots;
    private final ScheduledExecutorService timers;
    private volatile ApiServerLeases leases;
    private volatile SystemObjects endpoints;
    private final AtomicReference<SslContext> sslContext = new AtomicReference<>();
    private HttpServer http;
    private CustomResourceController customResources;
    private volatile boolean ready;

    public ApiServer(ApiServerOptions options, Store store, Clock clock) {
        this.options = options;
        this.store = store;
        this.clock = clock;
        this.admissionPlugins = AdmissionPluginSelection.of(BuiltinAdmissionPlugins.NAMES, options.enabledAdmissionPlugins(),
                options.disabledAdmissionPlugins());
        this.services = new ServiceAllocator(store, options.serviceCidr(), options.nodePortRange(), clock);
        this.snapshots = new SnapshotHandler(store);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(options.workerThreads(), options.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(options.maxQueuedRequests()), r -> {
            Thread t = new Thread(r, "wharf-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wharf-api-timers");
            t.setDaemon(true);
            return t;
        });
    }

    public ResourceRegistry registry() {
        return registry;
    }

    public ServiceAllocator serviceAllocator() {
        return services;
    }

    /** Loads every resource's cache, creates the system objects and starts listening. */
    public void start() throws IOException, InterruptedException {
        // Setting up TLS takes a good part of a second on a cold JVM; do it while the caches load.
        CompletableFuture<SslContext> tlsReady = CompletableFuture.supplyAsync(() -> {
            try {
                return sslContext(options.tls());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AdmissionChain admission = admissionChain();
        BuiltinStrategies strategies = new BuiltinStrategies(services, clock);
        for (ResourceType t : BuiltinResources.all()) {
            String storageId = t.storageGroup() + "/" + t.storageResource();
            ResourceStorage storage = storages.computeIfAbsent(storageId,
                    id -> new ResourceStorage(t, strategies.forType(t), store, admission, clock, options.watch().cacheCapacity()));
            VersionConverter converter = converter(t, storage.type());
            storage.serveVersion(t, converter);
            registry.add(new ServedResource(t, storage, converter, Printers.forKind(t.group(), t.kind())));
        }
        long t0 = System.nanoTime();
        for (ResourceStorage s : storages.values()) {
            s.start();
        }
        LOG.debug("{} watch caches loaded in {} ms", storages.size(), (System.nanoTime() - t0) / 1_000_000);
        customResources = new CustomResourceController(storage("apiextensions.k8s.io", "customresourcedefinitions"), registry,
                storages, store, admission, clock, options.watch().cacheCapacity());
        customResources.start();
        long bookmarkMillis = options.watch().bookmarkInterval().toMillis();
        timers.scheduleAtFixedRate(() -> storages.values().forEach(s -> s.cache().bookmark()),
                bookmarkMillis, bookmarkMillis, TimeUnit.MILLISECONDS);

        Renderer renderer = new Renderer(clock);
        SchemaRegistry schemas = SchemaRegistry.builtin();
        DiscoveryHandler discovery = new DiscoveryHandler(registry, options.advertiseAddress() + ":" + options.port());
        OpenApiHandler openapi = new OpenApiHandler(registry, schemas, options.version().gitVersion());
        SwaggerHandler swagger = new SwaggerHandler(registry, schemas, options.version().gitVersion());
        HealthChecks health = new HealthChecks(
                List.of(new HealthChecks.Check("ping", () -> null), new HealthChecks.Check("log", () -> null),
                        new HealthChecks.Check("etcd", this::storeProblem)),
                List.of(new HealthChecks.Check("ping", () -> null), new HealthChecks.Check("log", () -> null),
                        new HealthChecks.Check("etcd", this::storeProblem),
                        new HealthChecks.Check("informer-sync", () -> ready ? null : "caches are loading"),
                        new HealthChecks.Check("poststarthook/bootstrap-controller", () -> ready ? null : "not started"),
                        new HealthChecks.Check("shutdown", () -> null)));
        TokenAuthenticator tokens = options.tokenAuthFile() == null ? new TokenAuthenticator()
                : TokenAuthenticator.fromFile(options.tokenAuthFile());
        options.extraTokens().forEach(tokens::add);
        long tTls = System.nanoTime();
        try {
            sslContext.set(tlsReady.join());
            LOG.debug("waited {} ms for the TLS context", (System.nanoTime() - tTls) / 1_000_000);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        }
        http = new HttpServer(new InetSocketAddress(options.bindAddress(), options.port()), sslContext::get, tokens,
                ApiServer::isPublicPath, workers);
        ResourceHandler resources = new ResourceHandler(registry, renderer, store, new Patcher(schemas), http,
                new PodBindings(storage("", "pods"), clock),
                new PodEvictions(storage("", "pods"), storage("policy", "poddisruptionbudgets"), clock), kubeletSubresources());
        byte[] version = Json.bytes(options.version().toJson());
        http.start(req -> route(req, health, version, openapi, swagger, discovery, resources));
        SystemObjects system = new SystemObjects(this::storage, services, options.advertiseAddress(), http.port());
        system.ensure();
        leases = new ApiServerLeases(store, clock, options.advertiseAddress(), http.port());
        leases.renew();
        system.reconcileEndpoints(leases.live());
        timers.scheduleWithFixedDelay(() -> {
            try {
                leases.renew();
                system.reconcileEndpoints(leases.live());
            } catch (RuntimeException e) {
                LOG.warn("cannot renew this API server's lease: {}", e.getMessage());
            }
        }, LEASE_RENEWAL_SECONDS, LEASE_RENEWAL_SECONDS, TimeUnit.SECONDS);
        endpoints = system;
        ready = true;
    }

    private void route(ApiRequest req, HealthChecks health, byte[] version, OpenApiHandler openapi, SwaggerHandler swagger,
                       DiscoveryHandler discovery, ResourceHandler resources) {
        String p = req.path();
        if (HealthChecks.isHealthPath(p)) {
            health.handle(req);
        } else if (p.equals("/version") || p.equals("/version/")) {
            Responses.json(req.ctx(), req.raw(), 200, version);
        } else if (p.equals(SwaggerHandler.PATH)) {
            swagger.handle(req);
        } else if (p.startsWith("/openapi/")) {
            openapi.handle(req);
        } else if (p.equals(SnapshotHandler.PATH)) {
            snapshots.handle(req);
        } else if (!discovery.handle(req)) {
            ResourcePath rp = ResourcePath.parse(p);
            if (rp == null) {
                throw ApiException.notFoundPath();
            }
            resources.handle(req, rp);
        }
    }

    /** Logs, exec, attach, port-forward and node proxying, through this server's kubelet client (if it has one). */
    private KubeletSubresources kubeletSubresources() throws IOException {
        KubeletConnector connector = options.kubeletClient() == null ? null : new KubeletConnector(options.kubeletClient());
        if (connector == null) {
            LOG.info("no kubelet client credentials: pod logs, exec, attach, port-forward and node proxying will answer 503");
        }
        KubeletLocator nodes = new KubeletLocator(name -> storage("", "nodes").get("", name, ""));
        PodConnections pods = new PodConnections((namespace, name) -> storage("", "pods").get(namespace, name, ""), nodes);
        return new KubeletSubresources(pods, nodes, new KubeletProxy(connector));
    }

    /** Health and version need no credentials, as upstream's public-info-viewer role allows. */
    static boolean isPublicPath(String path) {
        return HealthChecks.isHealthPath(path) || path.equals("/version") || path.equals("/version/");
    }

    private String storeProblem() {
        try {
            store.currentRevision();
            store.get("/registry/health");
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** The enabled plugins, in upstream's order, reading other objects straight from this server's storages. */
    private AdmissionChain admissionChain() {
        if (!admissionPlugins.ignoredDisables().isEmpty()) {
            LOG.info("admission plugins {} are not implemented by Wharf, so disabling them changes nothing",
                    admissionPlugins.ignoredDisables());
        }
        LOG.debug("admission plugins: {}", String.join(", ", admissionPlugins.enabled()));
        BuiltinAdmissionPlugins builtin = new BuiltinAdmissionPlugins(new BuiltinAdmissionPlugins.Dependencies(this::lookupNamespace,
                new StorageClusterObjects(this::storage), new StorageQuotaStatusWriter(() -> storage("", "resourcequotas")), clock));
        return builtin.chain(admissionPlugins.enabled());
    }

    /**
     * A namespace's phase from the cache (its selectable status.phase field, so nothing is parsed), or
     * from the store when the cache has not seen it yet (it may have been created a moment ago), as
     * upstream's lifecycle plugin falls back to a live lookup.
     */
    private NamespaceLifecycle.Phase lookupNamespace(String name) {
        ResourceStorage namespaces = storage("", "namespaces");
        CachedObject cached = namespaces.cache().get(namespaces.type().key("", name));
        String phase;
        if (cached != null) {
            phase = cached.fields().get("status.phase");
        } else {
            try {
                phase = io.wharf.api.json.Json.text(namespaces.get("", name, ""), "status", "phase");
            } catch (ApiException e) {
                if (e.code() == 404) {
                    return NamespaceLifecycle.Phase.MISSING;
                }
                throw e;
            }
        }
        return "Terminating".equals(phase) ? NamespaceLifecycle.Phase.TERMINATING : NamespaceLifecycle.Phase.ACTIVE;
    }

    private static VersionConverter converter(ResourceType served, ResourceType stored) {
        if (served.group().equals(stored.group()) && served.version().equals(stored.version())) {
            return VersionConverter.identity(served.apiVersion());
        }
        if (served.group().equals("events.k8s.io")) {
            return new EventConverter();
        }
        if (served.group().equals("autoscaling") && served.version().equals("v1")) {
            return new HpaConverter();
        }
        throw new IllegalStateException("no conversion from " + stored.apiVersion() + " to " + served.apiVersion() + " for " + served.resource());
    }

    /** The storage of a resource by its storage group and name. */
    public ResourceStorage storage(String group, String resource) {
        ResourceStorage s = storages.get(group + "/" + resource);
        if (s == null) {
            throw new IllegalArgumentException("no storage for " + group + "/" + resource);
        }
        return s;
    }

    /** Serves new connections with other certificates (after rotation); open connections keep theirs. */
    public void reloadTls(ApiServerOptions.Tls tls) throws IOException {
        sslContext.set(sslContext(tls));
        LOG.info("serving certificate reloaded");
    }

    /**
     * The TLS context: BoringSSL through netty-tcnative when the native library loads (far less CPU
     * per request), otherwise the JDK's engine, built from a plain SSLContext so Netty's JDK server
     * context and its start-up self-check are not needed.
     */
    private static SslContext sslContext(ApiServerOptions.Tls tls) throws IOException {
        java.security.cert.X509Certificate[] chain = tls.chain().toArray(new java.security.cert.X509Certificate[0]);
        try {
            if (io.netty.handler.ssl.OpenSsl.isAvailable()) {
                return SslContextBuilder.forServer(tls.key(), chain)
                        .sslProvider(io.netty.handler.ssl.SslProvider.OPENSSL)
                        // Netty hands the key to BoringSSL through an in-memory keystore; JKS spares the
                        // PKCS12 default its password-based key derivation, which cost start-up time
                        .keyStoreType("JKS")
                        .trustManager(tls.clientCa())
                        .clientAuth(ClientAuth.OPTIONAL)
                        .build();
            }
            java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("serving", tls.key(), new char[0], chain);
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", tls.clientCa());
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext jdk = javax.net.ssl.SSLContext.getInstance("TLS");
            jdk.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return new io.netty.handler.ssl.JdkSslContext(jdk, false, null, io.netty.handler.ssl.IdentityCipherSuiteFilter.INSTANCE,
                    null, ClientAuth.OPTIONAL, null, false);
        } catch (java.security.GeneralSecurityException | javax.net.ssl.SSLException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }


    public int port() {
        return http.port();
    }

    public boolean isReady() {
        return ready;
    }

    @Override
    public void close() {
        ready = false;
        timers.shutdownNow();
        if (leases != null) {
            try {
                // leave the kubernetes Service's endpoints at once rather than when the lease expires
                leases.release();
                endpoints.reconcileEndpoints(leases.live());
            } catch (RuntimeException e) {
                LOG.debug("cannot give this API server's lease up: {}", e.getMessage());
            }
        }
        if (http != null) {
            http.stop();
        }
        if (customResources != null) {
            customResources.close();
        }
        storages.values().forEach(ResourceStorage::stop);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("API server stopped");
    }
}
