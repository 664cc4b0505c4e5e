package io.wharf.server;

import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.Map;

/**
 * The nodes a server runs itself: the local node agent (unless disabled) and any number of
 * simulated nodes, all on the simulated runtime until the real one exists.
 *
 * @param localAgent         run a node for this machine
 * @param nodeName           its name (default: the host name)
 * @param nodeLabels         extra labels of the local node
 * @param maxPods            its pod capacity
 * @param simulatedNodes     how many simulated nodes to add
 * @param simulatedCapacity  their capacity (empty: this machine's)
 * @param simulatedLabels    their extra labels
 * @param startDelay         how long a simulated container takes to start unless its pod says otherwise
 * @param podManifestPath    the local node's static pod manifests, or null
 */
public record NodeOptions(boolean localAgent, String nodeName, Map<String, String> nodeLabels, int maxPods, int simulatedNodes,
                          Map<String, Quantity> simulatedCapacity, Map<String, String> simulatedLabels, Duration startDelay,
                          java.nio.file.Path podManifestPath) {
    public boolean any() {
        return localAgent || simulatedNodes > 0;
    }
}
