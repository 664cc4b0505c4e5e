package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static io.wharf.api.crd.CrdTestSupport.object;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatchetingTest {
    /** A schema tightened after objects were stored: at most 5 replicas, a lower-case name, a required mode. */
    private static final CustomResourceValidator TIGHTENED = CustomResourceValidator.forSchema(json("{'type':'object',"
            + "'properties':{'spec':{'type':'object','required':['mode'],'properties':{"
            + "  'replicas':{'type':'integer','maximum':5},"
            + "  'name':{'type':'string','pattern':'^[a-z]+$'},"
            + "  'mode':{'type':'string'},"
            + "  'ports':{'type':'array','items':{'type':'integer','maximum':100}}}},"
            + "'status':{'type':'object','properties':{'ready':{'type':'integer','minimum':0}}}}}"));

    @Test
    void unchangedInvalidValuesDoNotBlockAnUpdateOfOtherFields() {
        assertThat(TIGHTENED.validateUpdate(object("{'spec':{'replicas':9,'name':'UP','mode':'a','ports':[500]}}"),
                object("{'spec':{'replicas':9,'name':'UP','ports':[500]}}"))).as("mode added, the rest as before")
                .isEmpty();
    }

    @Test
    void changedValuesAreValidatedInFull() {
        assertThat(messages(TIGHTENED.validateUpdate(object("{'spec':{'replicas':8,'name':'UP','mode':'a','ports':[500,600]}}"),
                object("{'spec':{'replicas':9,'name':'UP','mode':'a','ports':[500]}}")))).containsExactly(
                "spec.replicas: Invalid value: 8: spec.replicas in body should be less than or equal to 5",
                "spec.ports[0]: Invalid value: 500: spec.ports[0] in body should be less than or equal to 100",
                "spec.ports[1]: Invalid value: 600: spec.ports[1] in body should be less than or equal to 100");
    }

    @Test
    void aRequiredFieldRatchetsOnlyWhileItsObjectIsUnchanged() {
        assertThat(TIGHTENED.validateUpdate(object("{'metadata':{'labels':{'a':'b'}},'spec':{'replicas':1}}"),
                object("{'spec':{'replicas':1}}"))).isEmpty();
        assertThat(messages(TIGHTENED.validateUpdate(object("{'spec':{'replicas':2}}"), object("{'spec':{'replicas':1}}"))))
                .containsExactly("spec.mode: Required value");
    }

    @Test
    void createsAndStatusWritesFollowTheSameRule() {
        assertThat(messages(TIGHTENED.validate(object("{'spec':{'replicas':9,'mode':'a'}}")))).containsExactly(
                "spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5");
        assertThat(TIGHTENED.validateStatusUpdate(object("{'spec':{},'status':{'ready':-1}}"),
                object("{'spec':{},'status':{'ready':-1}}"))).isEmpty();
        assertThat(messages(TIGHTENED.validateStatusUpdate(object("{'spec':{},'status':{'ready':-2}}"),
                object("{'spec':{},'status':{'ready':-1}}")))).containsExactly(
                "status.ready: Invalid value: -2: ready in body should be greater than or equal to 0");
    }

    @Test
    void pathsAreFollowedStepByStep() {
        assertThat(Ratcheting.unchanged("spec.a.b", json("{'spec':{'a':{'b':1},'c':2}}"), json("{'spec':{'a':{'b':1},'c':3}}"))).isTrue();
        assertThat(Ratcheting.unchanged("spec.a.b", json("{'spec':{'a':{'b':2}}}"), json("{'spec':{'a':{'b':1}}}"))).isFalse();
        assertThat(Ratcheting.unchanged("spec.l[0]", json("{'spec':{'l':[1],'x':1}}"), json("{'spec':{'l':[1],'x':2}}"))).isTrue();
        assertThat(Ratcheting.unchanged("spec.l[0]", json("{'spec':{'l':[1,2]}}"), json("{'spec':{'l':[1]}}"))).isFalse();
        assertThat(Ratcheting.unchanged("kind", json("{'kind':'A'}"), json("{'kind':'A'}"))).isFalse();
        assertThat(Ratcheting.unchanged("spec.a", json("{'spec':{'a':1}}"), null)).isFalse();
    }
}
