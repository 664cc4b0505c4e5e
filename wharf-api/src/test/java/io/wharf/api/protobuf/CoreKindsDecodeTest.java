package io.wharf.api.protobuf;

import static io.wharf.api.protobuf.ProtoTestSupport.envelope;
import static io.wharf.api.protobuf.ProtoTestSupport.goMetadata;
import static io.wharf.api.protobuf.ProtoTestSupport.intOrString;
import static io.wharf.api.protobuf.ProtoTestSupport.json;
import static io.wharf.api.protobuf.ProtoTestSupport.microTime;
import static io.wharf.api.protobuf.ProtoTestSupport.quantity;
import static io.wharf.api.protobuf.ProtoTestSupport.time;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import org.junit.jupiter.api.Test;

/** Core group bodies, built as Go clients write them, decode to the JSON those clients would send. */
class CoreKindsDecodeTest {

    @Test
    void namespaceAsKubectlCreatesIt() {
        V1.Namespace ns = V1.Namespace.newBuilder()
                .setMetadata(goMetadata("x", ""))
                .setSpec(V1.NamespaceSpec.getDefaultInstance())
                .setStatus(V1.NamespaceStatus.newBuilder().setPhase(""))
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("v1", "Namespace", ns))).isEqualTo(json(
                "{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'x','creationTimestamp':null},"
                        + "'spec':{},'status':{}}"));
    }

    @Test
    void configMapDataAndBinaryData() {
        V1.ConfigMap cm = V1.ConfigMap.newBuilder()
                .setMetadata(goMetadata("cm", "default").putLabels("app", "web"))
                .putData("a", "1")
                .putData("empty", "")
                .putBinaryData("bin", ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 255}))
                .setImmutable(false)
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("v1", "ConfigMap", cm))).isEqualTo(json(
                "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cm','namespace':'default',"
                        + "'creationTimestamp':null,'labels':{'app':'web'}},"
                        + "'data':{'a':'1','empty':''},'binaryData':{'bin':'AAEC/w=='},'immutable':false}"));
    }

    @Test
    void secretBytesBecomeBase64() {
        V1.Secret secret = V1.Secret.newBuilder()
                .setMetadata(goMetadata("s", "default"))
                .putData("password", ByteString.copyFromUtf8("hunter2"))
                .putStringData("user", "admin")
                .setType("Opaque")
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("v1", "Secret", secret))).isEqualTo(json(
                "{'apiVersion':'v1','kind':'Secret','metadata':{'name':'s','namespace':'default','creationTimestamp':null},"
                        + "'data':{'password':'aHVudGVyMg=='},'stringData':{'user':'admin'},'type':'Opaque'}"));
    }

    @Test
    void podVolumeSourcesAndEphemeralContainersAreInline() {
        V1.Pod pod = V1.Pod.newBuilder()
                .setMetadata(goMetadata("p", "default"))
                .setSpec(V1.PodSpec.newBuilder()
                        .addVolumes(V1.Volume.newBuilder().setName("cfg").setVolumeSource(V1.VolumeSource.newBuilder()
                                .setConfigMap(V1.ConfigMapVolumeSource.newBuilder()
                                        .setLocalObjectReference(V1.LocalObjectReference.newBuilder().setName("app-config"))
                                        .addItems(V1.KeyToPath.newBuilder().setKey("a").setPath("a.txt"))
                                        .setDefaultMode(420))))
                        .addVolumes(V1.Volume.newBuilder().setName("scratch").setVolumeSource(V1.VolumeSource.newBuilder()
                                .setEmptyDir(V1.EmptyDirVolumeSource.newBuilder().setMedium("").setSizeLimit(quantity("1Gi")))))
                        .addContainers(V1.Container.newBuilder().setName("c").setImage("busybox")
                                .setWorkingDir("").setStdin(false).setTerminationMessagePath("")
                                .addEnvFrom(V1.EnvFromSource.newBuilder().setPrefix("").setConfigMapRef(
                                        V1.ConfigMapEnvSource.newBuilder()
                                                .setLocalObjectReference(V1.LocalObjectReference.newBuilder().setName("env-cm"))
                                                .setOptional(false)))
                                .addVolumeMounts(V1.VolumeMount.newBuilder().setName("cfg").setMountPath("/etc/cfg")
                                        .setReadOnly(true).setSubPath(""))
                                .setResources(V1.ResourceRequirements.getDefaultInstance()))
                        .addEphemeralContainers(V1.EphemeralContainer.newBuilder()
                                .setEphemeralContainerCommon(V1.EphemeralContainerCommon.newBuilder()
                                        .setName("debug").setImage("busybox").setStdin(true))
                                .setTargetContainerName("c"))
                        .setRestartPolicy("Always")
                        .setHostNetwork(false)
                        .setTerminationGracePeriodSeconds(0))
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("v1", "Pod", pod))).isEqualTo(json("""
                {'apiVersion':'v1','kind':'Pod',
                 'metadata':{'name':'p','namespace':'default','creationTimestamp':null},
                 'spec':{
                   'volumes':[
                     {'name':'cfg','configMap':{'name':'app-config','items':[{'key':'a','path':'a.txt'}],'defaultMode':420}},
                     {'name':'scratch','emptyDir':{'sizeLimit':'1Gi'}}],
                   'containers':[{'name':'c','image':'busybox',
                     'envFrom':[{'configMapRef':{'name':'env-cm','optional':false}}],
                     'volumeMounts':[{'name':'cfg','readOnly':true,'mountPath':'/etc/cfg'}],
                     'resources':{}}],
                   'ephemeralContainers':[{'name':'debug','image':'busybox','stdin':true,'targetContainerName':'c'}],
                   'restartPolicy':'Always',
                   'terminationGracePeriodSeconds':0}}
                """));
    }

    @Test
    void persistentVolumeSourceIsInlineAndEmptyClassNamesFollowGo() {
        V1.PersistentVolume pv = V1.PersistentVolume.newBuilder()
                .setMetadata(goMetadata("pv1", ""))
                .setSpec(V1.PersistentVolumeSpec.newBuilder()
                        .putCapacity("storage", quantity("10Gi"))
                        .setPersistentVolumeSource(V1.PersistentVolumeSource.newBuilder()
                                .setHostPath(V1.HostPathVolumeSource.newBuilder().setPath("/data").setType("")))
                        .addAccessModes("ReadWriteOnce")
                        .setPersistentVolumeReclaimPolicy("Retain")
                        // A plain string in PersistentVolumeSpec: empty means unset.
                        .setStorageClassName(""))
                .setStatus(V1.PersistentVolumeStatus.newBuilder().setPhase(""))
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("v1", "PersistentVolume", pv))).isEqualTo(json("""
                {'apiVersion':'v1','kind':'PersistentVolume','metadata':{'name':'pv1','creationTimestamp':null},
                 'spec':{'capacity':{'storage':'10Gi'},'hostPath':{'path':'/data','type':''},
                   'accessModes':['ReadWriteOnce'],'persistentVolumeReclaimPolicy':'Retain'},
                 'status':{}}
                """));

        V1.PersistentVolumeClaim pvc = V1.PersistentVolumeClaim.newBuilder()
                .setMetadata(goMetadata("data", "default"))
                .setSpec(V1.PersistentVolumeClaimSpec.newBuilder()
                        .addAccessModes("ReadWriteOnce")
                        .setResources(V1.VolumeResourceRequirements.newBuilder().putRequests("storage", quantity("1Gi")))
                        .setVolumeName("")
                        // A pointer in PersistentVolumeClaimSpec: empty asks for no class at all.
                        .setStorageClassName(""))
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("v1", "PersistentVolumeClaim", pvc))).isEqualTo(json("""
                {'apiVersion':'v1','kind':'PersistentVolumeClaim',
                 'metadata':{'name':'data','namespace':'default','creationTimestamp':null},
                 'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}},
                   'storageClassName':''}}
                """));
    }

    @Test
    void serviceTargetPortIsNumberOrName() {
        V1.Service svc = V1.Service.newBuilder()
                .setMetadata(goMetadata("web", "default"))
                .setSpec(V1.ServiceSpec.newBuilder()
                        .addPorts(V1.ServicePort.newBuilder().setName("http").setProtocol("TCP").setPort(80)
                                .setTargetPort(intOrString(8080)).setNodePort(0))
                        .addPorts(V1.ServicePort.newBuilder().setName("metrics").setPort(9090)
                                .setTargetPort(intOrString("metrics")))
                        .putSelector("app", "web")
                        .setType("ClusterIP"))
                .setStatus(V1.ServiceStatus.newBuilder().setLoadBalancer(V1.LoadBalancerStatus.getDefaultInstance()))
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("v1", "Service", svc))).isEqualTo(json("""
                {'apiVersion':'v1','kind':'Service',
                 'metadata':{'name':'web','namespace':'default','creationTimestamp':null},
                 'spec':{'ports':[{'name':'http','protocol':'TCP','port':80,'targetPort':8080},
                                  {'name':'metrics','port':9090,'targetPort':'metrics'}],
                         'selector':{'app':'web'},'type':'ClusterIP'},
                 'status':{'loadBalancer':{}}}
                """));
    }

    @Test
    void eventTimesAtSecondsAndMicroTimesAtMicroseconds() {
        V1.Event event = V1.Event.newBuilder()
                .setMetadata(goMetadata("p.17a", "default"))
                .setInvolvedObject(V1.ObjectReference.newBuilder().setKind("Pod").setName("p").setNamespace("default"))
                .setReason("Started")
                .setMessage("Started container c")
                .setSource(V1.EventSource.newBuilder().setComponent("kubelet"))
                // Time keeps whole seconds only, whatever nanoseconds arrive.
                .setFirstTimestamp(time("2024-01-02T03:04:05Z").toBuilder().setNanos(999_999_999))
                .setLastTimestamp(time("2024-01-02T03:04:06Z"))
                .setCount(1)
                .setType("Normal")
                .setEventTime(microTime("2024-01-02T03:04:05.123456789Z"))
                .setSeries(V1.EventSeries.newBuilder().setCount(2)
                        .setLastObservedTime(microTime("2024-01-02T03:04:07.000005Z")))
                .setReportingComponent("")
                .setReportingInstance("")
                .build();

        assertThat(KubernetesProtobuf.decode(envelope("v1", "Event", event))).isEqualTo(json("""
                {'apiVersion':'v1','kind':'Event',
                 'metadata':{'name':'p.17a','namespace':'default','creationTimestamp':null},
                 'involvedObject':{'kind':'Pod','namespace':'default','name':'p'},
                 'reason':'Started','message':'Started container c','source':{'component':'kubelet'},
                 'firstTimestamp':'2024-01-02T03:04:05Z','lastTimestamp':'2024-01-02T03:04:06Z',
                 'count':1,'type':'Normal',
                 'eventTime':'2024-01-02T03:04:05.123456Z',
                 'series':{'count':2,'lastObservedTime':'2024-01-02T03:04:07.000005Z'},
                 'reportingComponent':'','reportingInstance':''}
                """));
    }

    @Test
    void deleteOptionsSentToAnyGroupVersion() {
        Meta.DeleteOptions options = Meta.DeleteOptions.newBuilder()
                .setGracePeriodSeconds(0)
                .setPreconditions(Meta.Preconditions.newBuilder().setUid("u-1").setResourceVersion("42"))
                .setPropagationPolicy("Foreground")
                .addDryRun("All")
                .build();

        for (String apiVersion : new String[] {"v1", "apps/v1", "batch/v1", "coordination.k8s.io/v1"}) {
            assertThat(KubernetesProtobuf.decode(envelope(apiVersion, "DeleteOptions", options))).isEqualTo(json(
                    "{'apiVersion':'" + apiVersion + "','kind':'DeleteOptions','gracePeriodSeconds':0,"
                            + "'preconditions':{'uid':'u-1','resourceVersion':'42'},"
                            + "'propagationPolicy':'Foreground','dryRun':['All']}"));
        }
    }

    @Test
    void bindingAndEviction() {
        V1.Binding binding = V1.Binding.newBuilder()
                .setMetadata(goMetadata("p", "default"))
                .setTarget(V1.ObjectReference.newBuilder().setKind("Node").setName("node-1"))
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("v1", "Binding", binding))).isEqualTo(json(
                "{'apiVersion':'v1','kind':'Binding','metadata':{'name':'p','namespace':'default','creationTimestamp':null},"
                        + "'target':{'kind':'Node','name':'node-1'}}"));

        io.kubernetes.client.proto.V1Policy.Eviction eviction = io.kubernetes.client.proto.V1Policy.Eviction.newBuilder()
                .setMetadata(goMetadata("p", "default"))
                .setDeleteOptions(Meta.DeleteOptions.newBuilder().setGracePeriodSeconds(30))
                .build();
        assertThat(KubernetesProtobuf.decode(envelope("policy/v1", "Eviction", eviction))).isEqualTo(json(
                "{'apiVersion':'policy/v1','kind':'Eviction','metadata':{'name':'p','namespace':'default','creationTimestamp':null},"
                        + "'deleteOptions':{'gracePeriodSeconds':30}}"));
    }
}
