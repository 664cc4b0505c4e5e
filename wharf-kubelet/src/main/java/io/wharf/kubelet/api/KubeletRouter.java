package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.wharf.api.json.Json;
import io.wharf.kubelet.runtime.ContainerLog;
import io.wharf.kubelet.runtime.StreamSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Routes one HTTP request to its endpoint. Backend calls run on the blocking executor; an
 * exec, attach or port-forward request comes back to the event loop to upgrade the connection,
 * after which this handler leaves the pipeline.
 */
final class KubeletRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String NOT_FOUND = "404 page not found\n";
    private static final String TUNNEL_PREFIX = "SPDY/3.1+";

    private final KubeletApiBackend backend;
    private final PodLookup lookup;
    private final Executor blocking;

    KubeletRouter(KubeletApiBackend backend, Executor blocking) {
        this.backend = backend;
        this.lookup = new PodLookup(backend);
        this.blocking = blocking;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
        Channel channel = ctx.channel();
        if (message.decoderResult().isFailure()) {
            Responses.text(channel, false, 400, "400 Bad Request");
            return;
        }
        KubeletRequest request = KubeletRequest.of(message);
        List<String> s = request.segments();
        String root = s.isEmpty() ? "" : s.get(0);
        switch (root) {
            case "healthz" -> HealthzEndpoint.handle(channel, request);
            case "pods" -> {
                if (s.size() != 1) {
                    notFound(channel, request);
                } else if (requireMethod(channel, request, HttpMethod.GET)) {
                    blocking.execute(() -> pods(channel, request));
                }
            }
            case "containerLogs" -> {
                if (s.size() != 4) {
                    notFound(channel, request);
                } else if (requireMethod(channel, request, HttpMethod.GET)) {
                    blocking.execute(() -> containerLogs(channel, request, s.get(1), s.get(2), s.get(3)));
                }
            }
            case "exec", "attach" -> {
                if (s.size() != 4 && s.size() != 5) {
                    notFound(channel, request);
                } else if (requireMethod(channel, request, HttpMethod.GET, HttpMethod.POST)) {
                    stream(channel, request, root.equals("exec") ? ExecSessionBridge.Kind.EXEC : ExecSessionBridge.Kind.ATTACH,
                            s.get(1), s.get(2), s.size() == 5 ? s.get(3) : null, s.get(s.size() - 1));
                }
            }
            case "portForward" -> {
                if (s.size() != 3 && s.size() != 4) {
                    notFound(channel, request);
                } else if (requireMethod(channel, request, HttpMethod.GET, HttpMethod.POST)) {
                    portForward(channel, request, s.get(1), s.get(2), s.size() == 4 ? s.get(3) : null);
                }
            }
            case "stats" -> {
                if (s.size() != 2 || !s.get(1).equals("summary")) {
                    notFound(channel, request);
                } else if (requireMethod(channel, request, HttpMethod.GET)) {
                    blocking.execute(() -> statsSummary(channel, request));
                }
            }
            case "run" -> {
                if (s.size() != 4 && s.size() != 5) {
                    notFound(channel, request);
                } else if (requireMethod(channel, request, HttpMethod.POST)) {
                    blocking.execute(() -> run(channel, request, s.get(1), s.get(2), s.size() == 5 ? s.get(3) : null,
                            s.get(s.size() - 1)));
                }
            }
            default -> notFound(channel, request);
        }
    }

    private static void notFound(Channel channel, KubeletRequest request) {
        Responses.text(channel, request.keepAlive(), 404, NOT_FOUND);
    }

    private static boolean requireMethod(Channel channel, KubeletRequest request, HttpMethod... allowed) {
        for (HttpMethod method : allowed) {
            if (method.equals(request.method())) {
                return true;
            }
        }
        Responses.text(channel, request.keepAlive(), 405, "405: Method Not Allowed");
        return false;
    }

    private void pods(Channel channel, KubeletRequest request) {
        try {
            ObjectNode list = Json.NODES.objectNode();
            list.put("kind", "PodList");
            list.put("apiVersion", "v1");
            list.putObject("metadata");
            List<ObjectNode> pods = backend.pods();
            if (pods.isEmpty()) {
                // an empty Go slice of pods encodes as null
                list.putNull("items");
            } else {
                ArrayNode items = list.putArray("items");
                pods.forEach(items::add);
            }
            Responses.json(channel, request.keepAlive(), 200, Json.MAPPER.writeValueAsBytes(list));
        } catch (Exception e) {
            Responses.text(channel, request.keepAlive(), 500, describe(e));
        }
    }

    private void containerLogs(Channel channel, KubeletRequest request, String namespace, String pod, String container) {
        LogOptions options;
        try {
            options = LogOptions.parse(request, Instant.now());
        } catch (LogOptions.Rejected e) {
            Responses.text(channel, request.keepAlive(), e.code, e.getMessage());
            return;
        }
        ContainerLog log;
        try {
            Optional<ObjectNode> found = lookup.pod(namespace, pod);
            if (found.isEmpty()) {
                Responses.text(channel, request.keepAlive(), 404, "pod \"" + pod + "\" does not exist");
                return;
            }
            if (!PodLookup.hasContainer(found.get(), container)) {
                Responses.text(channel, request.keepAlive(), 404,
                        "container \"" + container + "\" not found in pod \"" + pod + "\"");
                return;
            }
            log = backend.containerLog(namespace, pod, null, container, options.previous());
        } catch (RuntimeException e) {
            // the kubelet answers every failure to read a log (previous attempt missing, container waiting) with 400
            Responses.text(channel, request.keepAlive(), 400, describe(e));
            return;
        }
        new LogStreamer(channel, options, request.keepAlive()).stream(log);
    }

    private void stream(Channel channel, KubeletRequest request, ExecSessionBridge.Kind kind, String namespace,
                        String pod, String uid, String container) {
        StreamRequest streams;
        try {
            streams = StreamRequest.parse(request);
        } catch (StreamRequest.Invalid e) {
            Responses.status(channel, request.keepAlive(), 400, e.getMessage());
            return;
        }
        String protocol;
        boolean webSocket = StreamUpgrades.isWebSocket(request);
        if (webSocket) {
            protocol = StreamUpgrades.chooseSubprotocol(request, WebSocketChannelProtocol.SUBPROTOCOLS, true);
            if (protocol == null) {
                unsupportedSubprotocols(channel, request, WebSocketChannelProtocol.SUBPROTOCOLS);
                return;
            }
        } else if (StreamUpgrades.isSpdy(request)) {
            protocol = StreamUpgrades.negotiate(channel, request, SpdyStreamProtocol.PROTOCOLS);
            if (protocol == null) {
                return;
            }
        } else {
            Responses.status(channel, request.keepAlive(), 400, "Upgrade request required");
            return;
        }
        blocking.execute(() -> {
            StreamSession session;
            try {
                if (lookup.pod(namespace, pod).isEmpty()) {
                    Responses.status(channel, request.keepAlive(), 404, "pod does not exist");
                    return;
                }
                session = kind == ExecSessionBridge.Kind.EXEC
                        ? backend.exec(namespace, pod, uid, container, streams.command(), streams.options())
                        : backend.attach(namespace, pod, uid, container, streams.options());
            } catch (KubeletApiBackend.NotFound e) {
                Responses.status(channel, request.keepAlive(), 404, describe(e));
                return;
            } catch (RuntimeException e) {
                // RuntimeUnsupportedException included: a CRI runtime's refusal reaches kubelet clients as a 500
                Responses.status(channel, request.keepAlive(), 500, describe(e));
                return;
            }
            channel.eventLoop().execute(() -> {
                if (!channel.isActive()) {
                    session.close();
                    return;
                }
                ExecSessionBridge bridge = new ExecSessionBridge(session, kind, streams.command(), blocking);
                if (webSocket) {
                    WebSocketChannelProtocol handler = new WebSocketChannelProtocol(bridge, streams.options(), protocol);
                    StreamUpgrades.webSocket(channel, request, protocol, handler::opened,
                            new WebSocketFrameAggregator(StreamUpgrades.MAX_WEBSOCKET_PAYLOAD), handler);
                } else {
                    StreamUpgrades.spdy(channel, protocol, new SpdyStreamProtocol(bridge, streams.options(), protocol));
                }
            });
        });
    }

    private void portForward(Channel channel, KubeletRequest request, String namespace, String pod, String uid) {
        boolean webSocket = StreamUpgrades.isWebSocket(request);
        List<String> tunnelled = StreamUpgrades.requestedSubprotocols(request).stream()
                .filter(p -> p.startsWith(TUNNEL_PREFIX) && p.endsWith(".k8s.io"))
                .map(p -> p.substring(TUNNEL_PREFIX.length())).toList();
        String protocol;
        List<Integer> ports = List.of();
        if (webSocket && !tunnelled.isEmpty()) {
            protocol = tunnelled.stream().filter(PortForwardSpdy.PROTOCOLS::contains).findFirst().orElse(null);
            if (protocol == null) {
                Responses.text(channel, request.keepAlive(), 403, "unable to upgrade: unable to negotiate protocol: client supports "
                        + StatusMessages.goList(tunnelled) + ", server accepts " + StatusMessages.goList(PortForwardSpdy.PROTOCOLS) + "\n");
                return;
            }
        } else if (webSocket) {
            try {
                ports = PortForwardWebSocket.parsePorts(request);
            } catch (StreamRequest.Invalid e) {
                Responses.status(channel, request.keepAlive(), 400, e.getMessage());
                return;
            }
            protocol = StreamUpgrades.chooseSubprotocol(request, PortForwardWebSocket.SUBPROTOCOLS, true);
            if (protocol == null) {
                unsupportedSubprotocols(channel, request, PortForwardWebSocket.SUBPROTOCOLS);
                return;
            }
        } else if (StreamUpgrades.isSpdy(request)) {
            protocol = StreamUpgrades.negotiate(channel, request, PortForwardSpdy.PROTOCOLS);
            if (protocol == null) {
                return;
            }
        } else {
            Responses.status(channel, request.keepAlive(), 400, "Upgrade request required");
            return;
        }
        boolean tunnel = webSocket && !tunnelled.isEmpty();
        List<Integer> webSocketPorts = ports;
        blocking.execute(() -> {
            try {
                Optional<ObjectNode> found = lookup.pod(namespace, pod);
                if (found.isEmpty()) {
                    Responses.status(channel, request.keepAlive(), 404, "pod does not exist");
                    return;
                }
                if (uid != null && !uid.equals(PodLookup.uid(found.get()))) {
                    Responses.status(channel, request.keepAlive(), 404, "pod not found");
                    return;
                }
            } catch (RuntimeException e) {
                Responses.status(channel, request.keepAlive(), 500, describe(e));
                return;
            }
            PortForwarder forwarder = new PortForwarder(backend, namespace, pod, uid, blocking);
            channel.eventLoop().execute(() -> {
                if (!channel.isActive()) {
                    return;
                }
                if (tunnel) {
                    StreamUpgrades.spdyOverWebSocket(channel, request, TUNNEL_PREFIX + protocol,
                            new PortForwardSpdy(forwarder));
                } else if (webSocket) {
                    PortForwardWebSocket handler = new PortForwardWebSocket(forwarder, webSocketPorts, protocol);
                    StreamUpgrades.webSocket(channel, request, protocol, handler::opened,
                            new WebSocketFrameAggregator(StreamUpgrades.MAX_WEBSOCKET_PAYLOAD), handler);
                } else {
                    StreamUpgrades.spdy(channel, protocol, new PortForwardSpdy(forwarder));
                }
            });
        });
    }

    private static void unsupportedSubprotocols(Channel channel, KubeletRequest request, List<String> supported) {
        Responses.text(channel, false, 403, "requested protocol(s) are not supported: "
                + StatusMessages.goList(StreamUpgrades.requestedSubprotocols(request)) + "; supports "
                + StatusMessages.goList(supported) + "\n");
    }

    private void statsSummary(Channel channel, KubeletRequest request) {
        try {
            ObjectNode summary = StatsSummary.render(backend.statsSummary(),
                    "true".equals(request.param("only_cpu_and_memory")));
            Responses.json(channel, request.keepAlive(), 200, Json.MAPPER.writeValueAsBytes(summary));
        } catch (Exception e) {
            Responses.text(channel, request.keepAlive(), 500, "Internal Error: " + describe(e));
        }
    }

    private void run(Channel channel, KubeletRequest request, String namespace, String pod, String uid, String container) {
        try {
            if (lookup.pod(namespace, pod).isEmpty()) {
                Responses.text(channel, request.keepAlive(), 404, "pod does not exist");
                return;
            }
            RunCommand.Outcome outcome = RunCommand.run(backend, namespace, pod, uid, container, RunCommand.command(request));
            if (outcome.error() != null) {
                Responses.text(channel, request.keepAlive(), 500, outcome.error());
            } else {
                Responses.json(channel, request.keepAlive(), 200, outcome.output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.text(channel, request.keepAlive(), 500, "interrupted");
        } catch (RuntimeException e) {
            Responses.text(channel, request.keepAlive(), 500, describe(e));
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        KubeletApiServer.LOG.debug("kubelet API request failed", cause);
        ctx.close();
    }
}
