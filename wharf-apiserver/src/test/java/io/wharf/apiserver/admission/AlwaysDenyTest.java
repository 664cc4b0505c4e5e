package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.errors.ApiException;
import org.junit.jupiter.api.Test;

class AlwaysDenyTest {
    @Test
    void everyWriteIsForbidden() {
        AlwaysDeny deny = new AlwaysDeny();
        ApiException created = catchThrowableOfType(() -> deny.admit(Requests.create("", "configmaps", "ns", yaml("metadata: {name: m}"))),
                ApiException.class);
        assertThat(created.code()).isEqualTo(403);
        assertThat(created.getMessage()).isEqualTo("configmaps \"m\" is forbidden: admission control is denying all modifications");
        ApiException deleted = catchThrowableOfType(() -> deny.validate(Requests.delete("", "configmaps", "ns", "m",
                yaml("metadata: {name: m}"))), ApiException.class);
        assertThat(deleted.getMessage()).as("a delete has no new object to name")
                .isEqualTo("configmaps \"Unknown\" is forbidden: admission control is denying all modifications");
    }

    @Test
    void alwaysAdmitChangesNothing() {
        ObjectNode map = yaml("metadata: {name: m}\ndata: {a: b}");
        AdmissionRequest r = Requests.create("", "configmaps", "ns", map);
        AlwaysAdmit admit = new AlwaysAdmit();
        assertThatCode(() -> {
            admit.admit(r);
            admit.validate(r);
        }).doesNotThrowAnyException();
        assertThat(map).isEqualTo(yaml("metadata: {name: m}\ndata: {a: b}"));
    }
}
