package io.wharf.store.etcd;

import io.wharf.etcd.shaded.grpc.CallOptions;
import io.wharf.etcd.shaded.grpc.Channel;
import io.wharf.etcd.shaded.grpc.ClientCall;
import io.wharf.etcd.shaded.grpc.ClientInterceptor;
import io.wharf.etcd.shaded.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Puts a deadline on every unary etcd call (reads, transactions, compaction), so that gRPC itself
 * abandons it; watch streams are long-lived and keep none.
 */
final class CallDeadline implements ClientInterceptor {
    private final long millis;

    CallDeadline(Duration timeout) {
        this.millis = timeout.toMillis();
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        if (method.getType() == MethodDescriptor.MethodType.UNARY && options.getDeadline() == null) {
            options = options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
        }
        return next.newCall(method, options);
    }
}
