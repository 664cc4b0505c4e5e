package io.wharf.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a free loopback port in front of the server (TLS passes through untouched) that a
 * test can cut: {@link #interrupt()} drops every open connection and refuses new ones until
 * {@link #restore()}, so a client sees its watch break and cannot come back for as long as the test
 * wants, whatever the client's retry timing.
 */
final class InterruptibleProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean interrupted;
    private volatile boolean closed;

    InterruptibleProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every relayed connection and refuses new ones. */
    void interrupt() {
        interrupted = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    /** Relays new connections again. */
    void restore() {
        interrupted = false;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (interrupted) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                if (interrupted) { // cut while this one was being connected
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** Copies one direction until either side ends, then closes both. */
    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        interrupt();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
