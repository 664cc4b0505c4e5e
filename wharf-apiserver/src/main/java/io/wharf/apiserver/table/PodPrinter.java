package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * core/v1 Pod rows. STATUS condenses phase, init progress and container states into one word
 * the way kubectl always has; RESTARTS adds how long ago the last restart happened.
 */
final class PodPrinter implements RowPrinter {
    private static final List<Column> COLUMNS = List.of(
            Columns.name(),
            Columns.string("Ready", "Ready containers out of all regular and sidecar containers."),
            Columns.string("Status", "Condensed state of the pod and its containers."),
            Columns.string("Restarts", "Container restarts, with the time since the last one."),
            Columns.age(),
            Columns.wide("IP", "First IP address assigned to the pod."),
            Columns.wide("Node", "Node the pod is bound to."),
            Columns.wide("Nominated Node", "Node where preemption made room for the pod."),
            Columns.wide("Readiness Gates", "Readiness gates whose condition is true, out of all gates."));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode pod, Instant now) {
        JsonNode spec = Fields.at(pod, "spec");
        JsonNode status = Fields.at(pod, "status");
        String phase = Fields.str(status, "phase");
        String reason = Fields.str(status, "reason").isEmpty() ? phase : Fields.str(status, "reason");
        for (JsonNode c : Fields.list(status, "conditions")) {
            if ("PodScheduled".equals(Fields.str(c, "type")) && "SchedulingGated".equals(Fields.str(c, "reason"))) {
                reason = "SchedulingGated";
            }
        }

        List<JsonNode> initSpecs = Fields.list(spec, "initContainers");
        Map<String, JsonNode> initByName = new HashMap<>();
        int total = Fields.size(spec, "containers");
        for (JsonNode c : initSpecs) {
            initByName.put(Fields.str(c, "name"), c);
            if (isSidecar(c)) {
                total++;
            }
        }

        int restarts = 0;
        int sidecarRestarts = 0;
        int ready = 0;
        Instant lastRestart = null;
        Instant lastSidecarRestart = null;
        boolean initializing = false;
        List<JsonNode> initStatuses = Fields.list(status, "initContainerStatuses");
        for (int i = 0; i < initStatuses.size(); i++) {
            JsonNode cs = initStatuses.get(i);
            boolean sidecar = isSidecar(initByName.get(Fields.str(cs, "name")));
            restarts += (int) Fields.num(cs, "restartCount");
            lastRestart = later(lastRestart, lastTermination(cs));
            if (sidecar) {
                sidecarRestarts += (int) Fields.num(cs, "restartCount");
                lastSidecarRestart = later(lastSidecarRestart, lastTermination(cs));
            }
            JsonNode terminated = Fields.at(cs, "state", "terminated");
            JsonNode waiting = Fields.at(cs, "state", "waiting");
            if (!terminated.isMissingNode() && Fields.num(terminated, "exitCode") == 0) {
                continue;
            }
            if (sidecar && Fields.bool(cs, "started")) {
                if (Fields.bool(cs, "ready")) {
                    ready++;
                }
                continue;
            }
            if (!terminated.isMissingNode()) {
                reason = "Init:" + terminationReason(terminated);
            } else if (!Fields.str(waiting, "reason").isEmpty() && !"PodInitializing".equals(Fields.str(waiting, "reason"))) {
                reason = "Init:" + Fields.str(waiting, "reason");
            } else {
                reason = "Init:" + i + "/" + initSpecs.size();
            }
            initializing = true;
            break;
        }

        if (!initializing || conditionTrue(status, "Initialized")) {
            // regular containers decide the status once init is over; sidecar restarts still count
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            boolean hasRunning = false;
            List<JsonNode> statuses = Fields.list(status, "containerStatuses");
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode cs = statuses.get(i);
                restarts += (int) Fields.num(cs, "restartCount");
                lastRestart = later(lastRestart, lastTermination(cs));
                JsonNode terminated = Fields.at(cs, "state", "terminated");
                String waitingReason = Fields.str(cs, "state", "waiting", "reason");
                if (!waitingReason.isEmpty()) {
                    reason = waitingReason;
                } else if (!terminated.isMissingNode()) {
                    reason = terminationReason(terminated);
                } else if (Fields.bool(cs, "ready") && Fields.has(cs, "state", "running")) {
                    hasRunning = true;
                    ready++;
                }
            }
            // a finished container next to a running one: the pod as a whole is still running
            if ("Completed".equals(reason) && hasRunning) {
                reason = anyConditionTrue(status, "Ready") ? "Running" : "NotReady";
            }
        }

        if (Fields.deleting(pod) && "NodeLost".equals(Fields.str(status, "reason"))) {
            reason = "Unknown";
        } else if (Fields.deleting(pod) && !"Failed".equals(phase) && !"Succeeded".equals(phase)) {
            reason = "Terminating";
        }

        String restartText = Integer.toString(restarts);
        if (restarts != 0 && lastRestart != null) {
            restartText = restarts + " (" + HumanDuration.since(lastRestart, now) + " ago)";
        }

        return List.of(
                Fields.name(pod),
                ready + "/" + total,
                reason,
                restartText,
                Cells.age(pod, now),
                Cells.orNone(podIP(status)),
                Cells.orNone(Fields.str(spec, "nodeName")),
                Cells.orNone(Fields.str(status, "nominatedNodeName")),
                readinessGates(spec, status));
    }

    /** A restartable init container (restartPolicy Always) runs alongside the app containers. */
    private static boolean isSidecar(JsonNode initContainer) {
        return initContainer != null && "Always".equals(Fields.str(initContainer, "restartPolicy"));
    }

    private static Instant lastTermination(JsonNode containerStatus) {
        return Fields.time(containerStatus, "lastState", "terminated", "finishedAt");
    }

    private static Instant later(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || current.isBefore(candidate) ? candidate : current;
    }

    /** The terminated reason, else "Signal:N" or "ExitCode:N". */
    private static String terminationReason(JsonNode terminated) {
        String reason = Fields.str(terminated, "reason");
        if (!reason.isEmpty()) {
            return reason;
        }
        long signal = Fields.num(terminated, "signal");
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + Fields.num(terminated, "exitCode");
    }

    /** The first condition of the type decides, as for the Initialized check upstream. */
    private static boolean conditionTrue(JsonNode status, String type) {
        for (JsonNode c : Fields.list(status, "conditions")) {
            if (type.equals(Fields.str(c, "type"))) {
                return "True".equals(Fields.str(c, "status"));
            }
        }
        return false;
    }

    private static boolean anyConditionTrue(JsonNode status, String type) {
        for (JsonNode c : Fields.list(status, "conditions")) {
            if (type.equals(Fields.str(c, "type")) && "True".equals(Fields.str(c, "status"))) {
                return true;
            }
        }
        return false;
    }

    private static String podIP(JsonNode status) {
        List<JsonNode> ips = Fields.list(status, "podIPs");
        return ips.isEmpty() ? Fields.str(status, "podIP") : Fields.str(ips.get(0), "ip");
    }

    private static String readinessGates(JsonNode spec, JsonNode status) {
        List<JsonNode> gates = Fields.list(spec, "readinessGates");
        if (gates.isEmpty()) {
            return Cells.NONE;
        }
        int trueCount = 0;
        for (JsonNode gate : gates) {
            String type = Fields.str(gate, "conditionType");
            for (JsonNode c : Fields.list(status, "conditions")) {
                if (type.equals(Fields.str(c, "type"))) {
                    if ("True".equals(Fields.str(c, "status"))) {
                        trueCount++;
                    }
                    break;
                }
            }
        }
        return trueCount + "/" + gates.size();
    }
}
