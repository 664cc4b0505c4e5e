package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.kinds.JobSelectors;
import io.wharf.apiserver.registry.Fields;
import io.wharf.apiserver.registry.ResourceStrategy;

/**
 * Jobs: unless the user manages the selector, a new Job gets upstream's generated selector and
 * template labels (job name and controller uid), which its validation then requires.
 */
public final class JobStrategy implements ResourceStrategy {
    private static final Fields FIELDS = Fields.of().withZero("status.successful", "0");

    @Override
    public Fields fields() {
        return FIELDS;
    }

    @Override
    public boolean tracksGeneration() {
        return true;
    }

    /** Runs once the server has set the name and uid the generated labels carry. */
    @Override
    public void prepareForCreate(ObjectNode job) {
        JobSelectors.generate(job);
    }
}
