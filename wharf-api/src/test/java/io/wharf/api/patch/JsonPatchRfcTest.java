package io.wharf.api.patch;

import static io.wharf.api.patch.PatchTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The examples of RFC 6902 appendix A. */
class JsonPatchRfcTest {
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            // A.1 adding an object member
            "{'foo':'bar'}|[{'op':'add','path':'/baz','value':'qux'}]|{'baz':'qux','foo':'bar'}",
            // A.2 adding an array element
            "{'foo':['bar','baz']}|[{'op':'add','path':'/foo/1','value':'qux'}]|{'foo':['bar','qux','baz']}",
            // A.3 removing an object member
            "{'baz':'qux','foo':'bar'}|[{'op':'remove','path':'/baz'}]|{'foo':'bar'}",
            // A.4 removing an array element
            "{'foo':['bar','qux','baz']}|[{'op':'remove','path':'/foo/1'}]|{'foo':['bar','baz']}",
            // A.5 replacing a value
            "{'baz':'qux','foo':'bar'}|[{'op':'replace','path':'/baz','value':'boo'}]|{'baz':'boo','foo':'bar'}",
            // A.6 moving a value
            "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}|[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]"
                    + "|{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}",
            // A.7 moving an array element
            "{'foo':['all','grass','cows','eat']}|[{'op':'move','from':'/foo/1','path':'/foo/3'}]|{'foo':['all','cows','eat','grass']}",
            // A.8 testing a value: success
            "{'baz':'qux','foo':['a',2,'c']}|[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]"
                    + "|{'baz':'qux','foo':['a',2,'c']}",
            // A.10 adding a nested member object
            "{'foo':'bar'}|[{'op':'add','path':'/child','value':{'grandchild':{}}}]|{'foo':'bar','child':{'grandchild':{}}}",
            // A.11 ignoring unrecognized elements
            "{'foo':'bar'}|[{'op':'add','path':'/baz','value':'qux','xyz':123}]|{'foo':'bar','baz':'qux'}",
            // A.14 ~ escape ordering
            "{'/':9,'~1':10}|[{'op':'test','path':'/~01','value':10}]|{'/':9,'~1':10}",
            // A.16 adding an array value
            "{'foo':['bar']}|[{'op':'add','path':'/foo/-','value':['abc','def']}]|{'foo':['bar',['abc','def']]}",
    })
    void appliesRfcExamples(String target, String patch, String expected) {
        assertThat(JsonPatch.apply(json(target), json(patch))).isEqualTo(json(expected));
    }

    @Test
    void a9FailedTest() {
        assertThatThrownBy(() -> JsonPatch.apply(json("{'baz':'qux','foo':['a',2,'c']}"),
                json("[{'op':'test','path':'/baz','value':'bar'}]")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.malformed()).isFalse())
                .hasMessage("testing value /baz failed: test failed");
    }

    @Test
    void a12AddingToANonexistentTarget() {
        assertThatThrownBy(() -> JsonPatch.apply(json("{'foo':'bar'}"),
                json("[{'op':'add','path':'/baz/bat','value':'qux'}]")))
                .hasMessage("add operation does not apply: doc is missing path: \"/baz/bat\": missing value");
    }

    @Test
    void a15ComparingStringsAndNumbers() {
        assertThatThrownBy(() -> JsonPatch.apply(json("{'/':9,'~1':10}"),
                json("[{'op':'test','path':'/~01','value':'10'}]")))
                .hasMessage("testing value /~01 failed: test failed");
    }
}
