package io.wharf.api.protobuf;

import static io.wharf.api.protobuf.ProtoTestSupport.envelope;
import static io.wharf.api.protobuf.ProtoTestSupport.goMetadata;
import static io.wharf.api.protobuf.ProtoTestSupport.intOrString;
import static io.wharf.api.protobuf.ProtoTestSupport.json;
import static io.wharf.api.protobuf.ProtoTestSupport.microTime;
import static io.wharf.api.protobuf.ProtoTestSupport.msg;
import static io.wharf.api.protobuf.ProtoTestSupport.quantity;
import static io.wharf.api.protobuf.ProtoTestSupport.time;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Networking;
import org.junit.jupiter.api.Test;

/** Bodies of the named groups, including those client-java-proto has no messages for. */
class GroupKindsDecodeTest {
    private static final String APIEXT = "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.";

    private static V1.PodTemplateSpec template(V1.Container.Builder container) {
        return V1.PodTemplateSpec.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().putLabels("app", "web")
                        .setCreationTimestamp(Meta.Time.getDefaultInstance()))
                .setSpec(V1.PodSpec.newBuilder().addContainers(container))
                .build();
    }

    @Test
    void deploymentWithPortsEnvQuantitiesAndProbes() {
        V1.Container.Builder web = V1.Container.newBuilder().setName("web").setImage("nginx:1.27")
                .addPorts(V1.ContainerPort.newBuilder().setName("http").setContainerPort(80).setProtocol("TCP").setHostPort(0))
                .addEnv(V1.EnvVar.newBuilder().setName("A").setValue("1"))
                .addEnv(V1.EnvVar.newBuilder().setName("B").setValue("").setValueFrom(V1.EnvVarSource.newBuilder()
                        .setFieldRef(V1.ObjectFieldSelector.newBuilder().setFieldPath("metadata.name"))))
                .setResources(V1.ResourceRequirements.newBuilder()
                        .putLimits("cpu", quantity("500m")).putLimits("memory", quantity("128Mi"))
                        .putRequests("cpu", quantity("250m")))
                .setLivenessProbe(V1.Probe.newBuilder()
                        .setHandler(V1.ProbeHandler.newBuilder().setHttpGet(V1.HTTPGetAction.newBuilder()
                                .setPath("/healthz").setPort(intOrString(8080)).setHost("").setScheme("")))
                        .setInitialDelaySeconds(3).setTimeoutSeconds(0))
                .setReadinessProbe(V1.Probe.newBuilder()
                        .setHandler(V1.ProbeHandler.newBuilder().setHttpGet(V1.HTTPGetAction.newBuilder()
                                .setPort(intOrString("http"))))
                        .setPeriodSeconds(5));
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(goMetadata("web", "default").putLabels("app", "web"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setReplicas(0)
                        .setSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", "web"))
                        .setTemplate(template(web))
                        .setStrategy(V1Apps.DeploymentStrategy.getDefaultInstance())
                        .setMinReadySeconds(0)
                        .setPaused(false))
                .setStatus(V1Apps.DeploymentStatus.getDefaultInstance())
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("apps/v1", "Deployment", deployment))).isEqualTo(json("""
                {'apiVersion':'apps/v1','kind':'Deployment',
                 'metadata':{'name':'web','namespace':'default','creationTimestamp':null,'labels':{'app':'web'}},
                 'spec':{'replicas':0,'selector':{'matchLabels':{'app':'web'}},
                   'template':{'metadata':{'labels':{'app':'web'},'creationTimestamp':null},
                     'spec':{'containers':[{'name':'web','image':'nginx:1.27',
                       'ports':[{'name':'http','containerPort':80,'protocol':'TCP'}],
                       'env':[{'name':'A','value':'1'},{'name':'B','valueFrom':{'fieldRef':{'fieldPath':'metadata.name'}}}],
                       'resources':{'limits':{'cpu':'500m','memory':'128Mi'},'requests':{'cpu':'250m'}},
                       'livenessProbe':{'httpGet':{'path':'/healthz','port':8080},'initialDelaySeconds':3},
                       'readinessProbe':{'httpGet':{'port':'http'},'periodSeconds':5}}]}},
                   'strategy':{}},
                 'status':{}}
                """));
    }

    @Test
    void jobKeepsPointerZeros() {
        V1Batch.Job job = V1Batch.Job.newBuilder()
                .setMetadata(goMetadata("pi", "default"))
                .setSpec(V1Batch.JobSpec.newBuilder()
                        .setParallelism(1).setCompletions(3).setBackoffLimit(0).setTtlSecondsAfterFinished(100)
                        .setSuspend(false).setCompletionMode("NonIndexed")
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setMetadata(Meta.ObjectMeta.newBuilder().setCreationTimestamp(Meta.Time.getDefaultInstance()))
                                .setSpec(V1.PodSpec.newBuilder().setRestartPolicy("Never")
                                        .addContainers(V1.Container.newBuilder().setName("pi").setImage("perl")
                                                .addCommand("perl").addCommand("-e").addCommand("print 1")))))
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("batch/v1", "Job", job))).isEqualTo(json("""
                {'apiVersion':'batch/v1','kind':'Job',
                 'metadata':{'name':'pi','namespace':'default','creationTimestamp':null},
                 'spec':{'parallelism':1,'completions':3,'backoffLimit':0,'ttlSecondsAfterFinished':100,
                   'suspend':false,'completionMode':'NonIndexed',
                   'template':{'metadata':{'creationTimestamp':null},'spec':{'restartPolicy':'Never',
                     'containers':[{'name':'pi','image':'perl','command':['perl','-e','print 1']}]}}}}
                """));
    }

    @Test
    void leaseWithMicroTimes() {
        var lease = msg("k8s.io.api.coordination.v1.Lease")
                .set("metadata", goMetadata("node-1", "kube-node-lease").build())
                .set("spec", msg("k8s.io.api.coordination.v1.LeaseSpec")
                        .set("holderIdentity", "node-1")
                        .set("leaseDurationSeconds", 40)
                        .set("acquireTime", microTime("2024-05-06T07:08:09.010203Z"))
                        .set("renewTime", microTime("2024-05-06T07:08:19Z"))
                        .set("leaseTransitions", 0))
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("coordination.k8s.io/v1", "Lease", lease))).isEqualTo(json("""
                {'apiVersion':'coordination.k8s.io/v1','kind':'Lease',
                 'metadata':{'name':'node-1','namespace':'kube-node-lease','creationTimestamp':null},
                 'spec':{'holderIdentity':'node-1','leaseDurationSeconds':40,
                   'acquireTime':'2024-05-06T07:08:09.010203Z','renewTime':'2024-05-06T07:08:19.000000Z',
                   'leaseTransitions':0}}
                """));
    }

    @Test
    void horizontalPodAutoscalerV2() {
        String v2 = "k8s.io.api.autoscaling.v2.";
        var hpa = msg(v2 + "HorizontalPodAutoscaler")
                .set("metadata", goMetadata("web", "default").build())
                .set("spec", msg(v2 + "HorizontalPodAutoscalerSpec")
                        .set("scaleTargetRef", msg(v2 + "CrossVersionObjectReference")
                                .set("apiVersion", "apps/v1").set("kind", "Deployment").set("name", "web"))
                        .set("minReplicas", 1)
                        .set("maxReplicas", 10)
                        .add("metrics", msg(v2 + "MetricSpec").set("type", "Resource")
                                .set("resource", msg(v2 + "ResourceMetricSource").set("name", "cpu")
                                        .set("target", msg(v2 + "MetricTarget").set("type", "Utilization")
                                                .set("averageUtilization", 60))))
                        .add("metrics", msg(v2 + "MetricSpec").set("type", "Pods")
                                .set("pods", msg(v2 + "PodsMetricSource")
                                        .set("metric", msg(v2 + "MetricIdentifier").set("name", "qps"))
                                        .set("target", msg(v2 + "MetricTarget").set("type", "AverageValue")
                                                .set("averageValue", quantity("100m")))))
                        .set("behavior", msg(v2 + "HorizontalPodAutoscalerBehavior")
                                .set("scaleDown", msg(v2 + "HPAScalingRules")
                                        .set("stabilizationWindowSeconds", 300).set("selectPolicy", "Max")
                                        .add("policies", msg(v2 + "HPAScalingPolicy").set("type", "Percent")
                                                .set("value", 10).set("periodSeconds", 60)))))
                .set("status", msg(v2 + "HorizontalPodAutoscalerStatus").set("desiredReplicas", 0)
                        .set("currentReplicas", 0))
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("autoscaling/v2", "HorizontalPodAutoscaler", hpa))).isEqualTo(json("""
                {'apiVersion':'autoscaling/v2','kind':'HorizontalPodAutoscaler',
                 'metadata':{'name':'web','namespace':'default','creationTimestamp':null},
                 'spec':{'scaleTargetRef':{'apiVersion':'apps/v1','kind':'Deployment','name':'web'},
                   'minReplicas':1,'maxReplicas':10,
                   'metrics':[
                     {'type':'Resource','resource':{'name':'cpu','target':{'type':'Utilization','averageUtilization':60}}},
                     {'type':'Pods','pods':{'metric':{'name':'qps'},'target':{'type':'AverageValue','averageValue':'100m'}}}],
                   'behavior':{'scaleDown':{'stabilizationWindowSeconds':300,'selectPolicy':'Max',
                     'policies':[{'type':'Percent','value':10,'periodSeconds':60}]}}},
                 'status':{'desiredReplicas':0}}
                """));
    }

    @Test
    void customResourceDefinitionSchemas() {
        var props = msg(APIEXT + "JSONSchemaProps")
                .set("type", "object")
                .put("properties", "port", msg(APIEXT + "JSONSchemaProps").set("xKubernetesIntOrString", true)
                        .set("nullable", false))
                .put("properties", "replicas", msg(APIEXT + "JSONSchemaProps").set("type", "integer")
                        .set("default", msg(APIEXT + "JSON").set("raw", "3"))
                        .set("minimum", 0.0).set("maximum", 2.5))
                .put("properties", "tags", msg(APIEXT + "JSONSchemaProps").set("type", "array")
                        .set("items", msg(APIEXT + "JSONSchemaPropsOrArray")
                                .set("schema", msg(APIEXT + "JSONSchemaProps").set("type", "string")))
                        .set("xKubernetesListType", "set"))
                .put("properties", "labels", msg(APIEXT + "JSONSchemaProps").set("type", "object")
                        .set("additionalProperties", msg(APIEXT + "JSONSchemaPropsOrBool").set("allows", true)
                                .set("schema", msg(APIEXT + "JSONSchemaProps").set("type", "string"))))
                .put("properties", "closed", msg(APIEXT + "JSONSchemaProps").set("type", "object")
                        .set("additionalProperties", msg(APIEXT + "JSONSchemaPropsOrBool").set("allows", false)))
                .put("properties", "mode", msg(APIEXT + "JSONSchemaProps").set("type", "string")
                        .add("enum", msg(APIEXT + "JSON").set("raw", "\"fast\""))
                        .add("enum", msg(APIEXT + "JSON").set("raw", "\"slow\"")))
                .put("dependencies", "tags", msg(APIEXT + "JSONSchemaPropsOrStringArray").add("property", "labels"))
                .add("required", "port")
                .set("xKubernetesPreserveUnknownFields", false);
        var crd = msg(APIEXT + "CustomResourceDefinition")
                .set("metadata", goMetadata("widgets.example.com", "").build())
                .set("spec", msg(APIEXT + "CustomResourceDefinitionSpec")
                        .set("group", "example.com")
                        .set("names", msg(APIEXT + "CustomResourceDefinitionNames").set("plural", "widgets")
                                .set("singular", "widget").set("kind", "Widget").set("listKind", "WidgetList"))
                        .set("scope", "Namespaced")
                        .add("versions", msg(APIEXT + "CustomResourceDefinitionVersion")
                                .set("name", "v1").set("served", true).set("storage", true)
                                .set("schema", msg(APIEXT + "CustomResourceValidation").set("openAPIV3Schema", props))
                                .set("subresources", msg(APIEXT + "CustomResourceSubresources")
                                        .set("status", msg(APIEXT + "CustomResourceSubresourceStatus"))))
                        .set("preserveUnknownFields", false))
                .set("status", msg(APIEXT + "CustomResourceDefinitionStatus")
                        .set("acceptedNames", msg(APIEXT + "CustomResourceDefinitionNames").set("plural", "").set("kind", "")))
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("apiextensions.k8s.io/v1", "CustomResourceDefinition", crd)))
                .isEqualTo(json("""
                {'apiVersion':'apiextensions.k8s.io/v1','kind':'CustomResourceDefinition',
                 'metadata':{'name':'widgets.example.com','creationTimestamp':null},
                 'spec':{'group':'example.com',
                   'names':{'plural':'widgets','singular':'widget','kind':'Widget','listKind':'WidgetList'},
                   'scope':'Namespaced',
                   'versions':[{'name':'v1','served':true,'storage':true,
                     'schema':{'openAPIV3Schema':{'type':'object',
                       'properties':{
                         'port':{'x-kubernetes-int-or-string':true},
                         'replicas':{'type':'integer','default':3,'minimum':0,'maximum':2.5},
                         'tags':{'type':'array','items':{'type':'string'},'x-kubernetes-list-type':'set'},
                         'labels':{'type':'object','additionalProperties':{'type':'string'}},
                         'closed':{'type':'object','additionalProperties':false},
                         'mode':{'type':'string','enum':['fast','slow']}},
                       'dependencies':{'tags':['labels']},
                       'required':['port'],
                       'x-kubernetes-preserve-unknown-fields':false}},
                     'subresources':{'status':{}}}]},
                 'status':{'acceptedNames':{'plural':'','kind':''}}}
                """));
    }

    @Test
    void fieldNamesThatDifferOnlyInSpelling() {
        var ingressClass = V1Networking.IngressClass.newBuilder()
                .setMetadata(goMetadata("nginx", ""))
                .setSpec(V1Networking.IngressClassSpec.newBuilder().setController("k8s.io/ingress-nginx")
                        .setParameters(V1Networking.IngressClassParametersReference.newBuilder()
                                .setAPIGroup("k8s.example.com").setKind("IngressParameters").setName("p")))
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("networking.k8s.io/v1", "IngressClass", ingressClass))).isEqualTo(json(
                "{'apiVersion':'networking.k8s.io/v1','kind':'IngressClass','metadata':{'name':'nginx','creationTimestamp':null},"
                        + "'spec':{'controller':'k8s.io/ingress-nginx',"
                        + "'parameters':{'apiGroup':'k8s.example.com','kind':'IngressParameters','name':'p'}}}"));

        var tokenRequest = V1Authentication.TokenRequest.newBuilder()
                .setMetadata(goMetadata("default", "default"))
                .setSpec(V1Authentication.TokenRequestSpec.newBuilder().addAudiences("api").setExpirationSeconds(3600)
                        .setBoundObjectRef(V1Authentication.BoundObjectReference.newBuilder()
                                .setKind("Pod").setName("p").setUID("0b0e-11")))
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("authentication.k8s.io/v1", "TokenRequest", tokenRequest)))
                .isEqualTo(json("{'apiVersion':'authentication.k8s.io/v1','kind':'TokenRequest',"
                        + "'metadata':{'name':'default','namespace':'default','creationTimestamp':null},"
                        + "'spec':{'audiences':['api'],'expirationSeconds':3600,"
                        + "'boundObjectRef':{'kind':'Pod','name':'p','uid':'0b0e-11'}}}"));
    }

    @Test
    void namedSlicesAreArrays() {
        var review = V1Authentication.TokenReview.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setCreationTimestamp(Meta.Time.getDefaultInstance()))
                .setSpec(V1Authentication.TokenReviewSpec.newBuilder().setToken("t"))
                .setStatus(V1Authentication.TokenReviewStatus.newBuilder().setAuthenticated(true)
                        .setUser(V1Authentication.UserInfo.newBuilder().setUsername("alice")
                                .putExtra("scopes", V1Authentication.ExtraValue.newBuilder().addItems("a").addItems("b").build())))
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("authentication.k8s.io/v1", "TokenReview", review))).isEqualTo(json(
                "{'apiVersion':'authentication.k8s.io/v1','kind':'TokenReview','metadata':{'creationTimestamp':null},"
                        + "'spec':{'token':'t'},"
                        + "'status':{'authenticated':true,'user':{'username':'alice','extra':{'scopes':['a','b']}}}}"));
    }

    @Test
    void embeddedObjectsAndManagedFields() {
        byte[] nestedPod = envelope("v1", "Pod", V1.Pod.newBuilder().setMetadata(goMetadata("inner", "")).build());
        V1Apps.ControllerRevision json = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(goMetadata("web-1", "default").addManagedFields(Meta.ManagedFieldsEntry.newBuilder()
                        .setManager("kubectl").setOperation("Update").setApiVersion("apps/v1")
                        .setTime(time("2024-01-02T03:04:05Z")).setFieldsType("FieldsV1")
                        .setFieldsV1(Meta.FieldsV1.newBuilder().setRaw(ByteString.copyFromUtf8("{\"f:data\":{}}")))))
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{\"spec\":{\"a\":[1,true]}}")))
                .setRevision(1)
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("apps/v1", "ControllerRevision", json))).isEqualTo(json("""
                {'apiVersion':'apps/v1','kind':'ControllerRevision',
                 'metadata':{'name':'web-1','namespace':'default','creationTimestamp':null,
                   'managedFields':[{'manager':'kubectl','operation':'Update','apiVersion':'apps/v1',
                     'time':'2024-01-02T03:04:05Z','fieldsType':'FieldsV1','fieldsV1':{'f:data':{}}}]},
                 'data':{'spec':{'a':[1,true]}},'revision':1}
                """));

        V1Apps.ControllerRevision nested = json.toBuilder()
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFrom(nestedPod))).build();
        assertThat(KubernetesProtobuf.decode(envelope("apps/v1", "ControllerRevision", nested)).get("data")).isEqualTo(json(
                "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'inner','creationTimestamp':null}}"));
    }

    @Test
    void scaleSubresource() {
        V1Autoscaling.Scale scale = V1Autoscaling.Scale.newBuilder()
                .setMetadata(goMetadata("web", "default").setResourceVersion("7"))
                .setSpec(V1Autoscaling.ScaleSpec.newBuilder().setReplicas(0))
                .setStatus(V1Autoscaling.ScaleStatus.newBuilder().setReplicas(2).setSelector(""))
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("autoscaling/v1", "Scale", scale))).isEqualTo(json(
                "{'apiVersion':'autoscaling/v1','kind':'Scale',"
                        + "'metadata':{'name':'web','namespace':'default','resourceVersion':'7','creationTimestamp':null},"
                        + "'spec':{},'status':{'replicas':2}}"));
    }
}
