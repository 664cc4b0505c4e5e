package io.wharf.api.protobuf;

import static io.wharf.api.protobuf.ProtoTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Realistic objects come back unchanged from JSON → protobuf → JSON. */
class RoundTripTest {

    static Stream<String> objects() {
        return Stream.of(
                """
                {'apiVersion':'apps/v1','kind':'Deployment',
                 'metadata':{'name':'web','namespace':'default','uid':'6f1c','resourceVersion':'812','generation':3,
                   'creationTimestamp':'2024-03-04T05:06:07Z','labels':{'app':'web'},
                   'annotations':{'deployment.kubernetes.io/revision':'2'},
                   'ownerReferences':[{'apiVersion':'v1','kind':'ConfigMap','name':'o','uid':'u','controller':true}],
                   'managedFields':[{'manager':'kubectl-client-side-apply','operation':'Update','apiVersion':'apps/v1',
                     'time':'2024-03-04T05:06:07Z','fieldsType':'FieldsV1',
                     'fieldsV1':{'f:spec':{'f:replicas':{},'f:template':{'f:spec':{'f:containers':{'k:{name=web}':{}}}}}}}]},
                 'spec':{'replicas':3,'selector':{'matchLabels':{'app':'web'},
                     'matchExpressions':[{'key':'tier','operator':'In','values':['fe','be']}]},
                   'template':{'metadata':{'labels':{'app':'web'},'creationTimestamp':null},
                     'spec':{'containers':[{'name':'web','image':'nginx:1.27',
                       'ports':[{'name':'http','containerPort':80,'protocol':'TCP'}],
                       'env':[{'name':'A','value':'1'},
                              {'name':'S','valueFrom':{'secretKeyRef':{'name':'s','key':'k','optional':true}}}],
                       'resources':{'limits':{'cpu':'1','memory':'1Gi'},'requests':{'cpu':'100m'}},
                       'livenessProbe':{'httpGet':{'path':'/','port':'http','scheme':'HTTP'},'periodSeconds':10,
                         'timeoutSeconds':1,'successThreshold':1,'failureThreshold':3},
                       'readinessProbe':{'tcpSocket':{'port':8080}},
                       'startupProbe':{'exec':{'command':['true']}},
                       'lifecycle':{'preStop':{'sleep':{'seconds':5}}},
                       'securityContext':{'runAsNonRoot':true,'runAsUser':0,'allowPrivilegeEscalation':false,
                         'capabilities':{'drop':['ALL']}},
                       'terminationMessagePath':'/dev/termination-log','terminationMessagePolicy':'File',
                       'imagePullPolicy':'IfNotPresent'}],
                       'restartPolicy':'Always','terminationGracePeriodSeconds':30,'dnsPolicy':'ClusterFirst',
                       'securityContext':{'fsGroup':2000},'schedulerName':'default-scheduler',
                       'affinity':{'podAntiAffinity':{'preferredDuringSchedulingIgnoredDuringExecution':[
                         {'weight':100,'podAffinityTerm':{'labelSelector':{'matchLabels':{'app':'web'}},
                           'topologyKey':'kubernetes.io/hostname'}}]}},
                       'tolerations':[{'key':'k','operator':'Exists','effect':'NoSchedule','tolerationSeconds':0}]}},
                   'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxUnavailable':'25%','maxSurge':1}},
                   'revisionHistoryLimit':10,'progressDeadlineSeconds':600},
                 'status':{'observedGeneration':3,'replicas':3,'updatedReplicas':3,'readyReplicas':3,
                   'availableReplicas':3,
                   'conditions':[{'type':'Available','status':'True','lastUpdateTime':'2024-03-04T05:06:07Z',
                     'lastTransitionTime':'2024-03-04T05:06:07Z','reason':'MinimumReplicasAvailable',
                     'message':'Deployment has minimum availability.'}]}}
                """,
                """
                {'apiVersion':'v1','kind':'Pod',
                 'metadata':{'name':'p','namespace':'default','creationTimestamp':null,
                   'deletionTimestamp':'2024-03-04T05:06:07Z','deletionGracePeriodSeconds':0},
                 'spec':{'volumes':[
                     {'name':'token','projected':{'sources':[
                       {'serviceAccountToken':{'expirationSeconds':3607,'path':'token'}},
                       {'configMap':{'name':'kube-root-ca.crt','items':[{'key':'ca.crt','path':'ca.crt'}]}},
                       {'downwardAPI':{'items':[{'path':'namespace','fieldRef':{'apiVersion':'v1','fieldPath':'metadata.namespace'}}]}}],
                       'defaultMode':420}},
                     {'name':'data','persistentVolumeClaim':{'claimName':'data','readOnly':true}},
                     {'name':'host','hostPath':{'path':'/var/log','type':''}},
                     {'name':'eph','ephemeral':{'volumeClaimTemplate':{'metadata':{'creationTimestamp':null},
                       'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}},
                       'storageClassName':''}}}}],
                   'containers':[{'name':'c','image':'busybox','resources':{}}],
                   'ephemeralContainers':[{'name':'debug','image':'busybox','resources':{},'targetContainerName':'c'}],
                   'nodeSelector':{'kubernetes.io/os':'linux'},'automountServiceAccountToken':false,
                   'priority':0,'enableServiceLinks':true,'preemptionPolicy':'PreemptLowerPriority',
                   'overhead':{'cpu':'250m'},
                   'topologySpreadConstraints':[{'maxSkew':1,'topologyKey':'zone','whenUnsatisfiable':'DoNotSchedule',
                     'labelSelector':{'matchLabels':{'a':'b'}}}]},
                 'status':{'phase':'Running','conditions':[{'type':'Ready','status':'True','lastProbeTime':null,
                     'lastTransitionTime':'2024-03-04T05:06:07Z'}],
                   'hostIP':'10.0.0.1','podIP':'10.1.0.5','podIPs':[{'ip':'10.1.0.5'}],
                   'startTime':'2024-03-04T05:06:00Z',
                   'containerStatuses':[{'name':'c','state':{'running':{'startedAt':'2024-03-04T05:06:01Z'}},
                     'lastState':{},'ready':true,'restartCount':0,'image':'busybox','imageID':'',
                     'started':true}],
                   'qosClass':'BestEffort'}}
                """,
                """
                {'apiVersion':'v1','kind':'Service','metadata':{'name':'s','namespace':'default','creationTimestamp':null},
                 'spec':{'ports':[{'name':'http','protocol':'TCP','port':80,'targetPort':'http','nodePort':30080}],
                   'selector':{'app':'web'},'clusterIP':'10.96.0.10','clusterIPs':['10.96.0.10'],'type':'NodePort',
                   'sessionAffinity':'ClientIP','sessionAffinityConfig':{'clientIP':{'timeoutSeconds':10800}},
                   'ipFamilies':['IPv4'],'ipFamilyPolicy':'SingleStack','externalTrafficPolicy':'Cluster',
                   'internalTrafficPolicy':'Cluster','allocateLoadBalancerNodePorts':true},
                 'status':{'loadBalancer':{'ingress':[{'ip':'1.2.3.4','ports':[{'port':80,'protocol':'TCP'}]}]}}}
                """,
                """
                {'apiVersion':'apiextensions.k8s.io/v1','kind':'CustomResourceDefinition',
                 'metadata':{'name':'widgets.example.com','creationTimestamp':null},
                 'spec':{'group':'example.com','names':{'plural':'widgets','kind':'Widget','shortNames':['wd'],
                     'categories':['all']},
                   'scope':'Cluster',
                   'versions':[{'name':'v1','served':true,'storage':true,
                     'schema':{'openAPIV3Schema':{'type':'object','description':'A widget.',
                       'properties':{
                         'spec':{'type':'object','required':['size'],
                           'properties':{
                             'size':{'x-kubernetes-int-or-string':true,'anyOf':[{'type':'integer'},{'type':'string'}],
                               'pattern':'^[0-9]+$'},
                             'count':{'type':'integer','format':'int32','default':1,'minimum':0,'maximum':10,
                               'exclusiveMaximum':true,'multipleOf':0.5},
                             'tags':{'type':'array','items':{'type':'string','maxLength':63},'maxItems':5,
                               'x-kubernetes-list-type':'set'},
                             'tuple':{'type':'array','items':[{'type':'string'},{'type':'integer'}]},
                             'env':{'type':'array','items':{'type':'object','properties':{'name':{'type':'string'}}},
                               'x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['name']},
                             'config':{'type':'object','additionalProperties':{'type':'string'},
                               'x-kubernetes-map-type':'granular'},
                             'raw':{'x-kubernetes-preserve-unknown-fields':true,'x-kubernetes-embedded-resource':true,
                               'type':'object','nullable':true},
                             'mode':{'type':'string','enum':['a','b',null],'example':'a'},
                             'defaults':{'type':'object','default':{'a':[1,2],'b':{'c':'d'}}}},
                           'x-kubernetes-validations':[{'rule':'self.size >= 0','message':'size','reason':'FieldValueInvalid',
                             'fieldPath':'.size','optionalOldSelf':true}]},
                         'status':{'type':'object','additionalProperties':false}}}},
                     'subresources':{'status':{},'scale':{'specReplicasPath':'.spec.replicas',
                       'statusReplicasPath':'.status.replicas'}},
                     'additionalPrinterColumns':[{'name':'Size','type':'string','jsonPath':'.spec.size','priority':1}],
                     'selectableFields':[{'jsonPath':'.spec.size'}]}],
                   'conversion':{'strategy':'Webhook','webhook':{'clientConfig':{'service':{'namespace':'ns',
                     'name':'conv','path':'/convert','port':443},'caBundle':'Y2EtZGF0YQ=='},
                     'conversionReviewVersions':['v1']}}},
                 'status':{'conditions':[{'type':'Established','status':'True','lastTransitionTime':'2024-03-04T05:06:07Z',
                     'reason':'InitialNamesAccepted','message':'ok'}],
                   'acceptedNames':{'plural':'widgets','kind':'Widget'},'storedVersions':['v1']}}
                """,
                """
                {'apiVersion':'autoscaling/v2','kind':'HorizontalPodAutoscaler',
                 'metadata':{'name':'web','namespace':'default','creationTimestamp':null},
                 'spec':{'scaleTargetRef':{'apiVersion':'apps/v1','kind':'Deployment','name':'web'},
                   'minReplicas':2,'maxReplicas':5,
                   'metrics':[{'type':'External','external':{'metric':{'name':'queue',
                       'selector':{'matchLabels':{'q':'jobs'}}},'target':{'type':'Value','value':'30'}}},
                     {'type':'ContainerResource','containerResource':{'name':'memory','container':'app',
                       'target':{'type':'AverageValue','averageValue':'512Mi'}}}],
                   'behavior':{'scaleUp':{'stabilizationWindowSeconds':0,'selectPolicy':'Max',
                     'policies':[{'type':'Pods','value':4,'periodSeconds':15}]}}},
                 'status':{'lastScaleTime':'2024-03-04T05:06:07Z','currentReplicas':2,'desiredReplicas':3,
                   'currentMetrics':[{'type':'External','external':{'metric':{'name':'queue'},
                     'current':{'value':'45','averageValue':'15'}}}],
                   'conditions':[{'type':'AbleToScale','status':'True','lastTransitionTime':'2024-03-04T05:06:07Z',
                     'reason':'ReadyForNewScale'}]}}
                """,
                """
                {'apiVersion':'coordination.k8s.io/v1','kind':'Lease',
                 'metadata':{'name':'kube-scheduler','namespace':'kube-system','creationTimestamp':null},
                 'spec':{'holderIdentity':'node-1_4f2e','leaseDurationSeconds':15,
                   'acquireTime':'2024-03-04T05:06:07.123456Z','renewTime':'2024-03-04T05:09:07.000001Z',
                   'leaseTransitions':3}}
                """,
                """
                {'apiVersion':'discovery.k8s.io/v1','kind':'EndpointSlice',
                 'metadata':{'name':'web-abc','namespace':'default','creationTimestamp':null,
                   'labels':{'kubernetes.io/service-name':'web'}},
                 'addressType':'IPv4',
                 'endpoints':[{'addresses':['10.1.0.5'],'conditions':{'ready':true,'serving':true,'terminating':false},
                   'targetRef':{'kind':'Pod','namespace':'default','name':'web-1','uid':'u1'},'nodeName':'node-1',
                   'zone':'a','hints':{'forZones':[{'name':'a'}]}}],
                 'ports':[{'name':'http','protocol':'TCP','port':8080,'appProtocol':'http'}]}
                """,
                """
                {'apiVersion':'events.k8s.io/v1','kind':'Event',
                 'metadata':{'name':'web.17','namespace':'default','creationTimestamp':null},
                 'eventTime':'2024-03-04T05:06:07.654321Z',
                 'series':{'count':4,'lastObservedTime':'2024-03-04T05:07:07.000000Z'},
                 'reportingController':'kubelet','reportingInstance':'node-1','action':'Pulling','reason':'Pulling',
                 'regarding':{'kind':'Pod','namespace':'default','name':'web'},
                 'note':'Pulling image','type':'Normal','deprecatedCount':2,
                 'deprecatedFirstTimestamp':null,'deprecatedLastTimestamp':null,
                 'deprecatedSource':{}}
                """,
                """
                {'apiVersion':'v1','kind':'PodList','metadata':{'resourceVersion':'99','continue':'tok'},
                 'items':[{'metadata':{'name':'a','creationTimestamp':null},'spec':{'containers':[{'name':'c','image':'i',
                   'resources':{}}]},'status':{}},
                   {'metadata':{'name':'b','creationTimestamp':null},'spec':{'containers':[{'name':'c','image':'i',
                   'resources':{}}]},'status':{}}]}
                """,
                """
                {'apiVersion':'v1','kind':'Status','metadata':{},'status':'Failure',
                 'message':'pods x not found','reason':'NotFound',
                 'details':{'name':'x','kind':'pods','causes':[{'reason':'FieldValueInvalid','message':'m','field':'f'}],
                   'retryAfterSeconds':3},
                 'code':404}
                """,
                """
                {'apiVersion':'batch/v1','kind':'CronJob','metadata':{'name':'c','namespace':'d','creationTimestamp':null},
                 'spec':{'schedule':'*/5 * * * *','timeZone':'Etc/UTC','concurrencyPolicy':'Forbid','suspend':false,
                   'jobTemplate':{'metadata':{'creationTimestamp':null},'spec':{'backoffLimit':0,
                     'podFailurePolicy':{'rules':[{'action':'FailJob','onExitCodes':{'operator':'In','values':[42]}}]},
                     'template':{'metadata':{'creationTimestamp':null},'spec':{'restartPolicy':'OnFailure',
                       'containers':[{'name':'c','image':'i','resources':{}}]}}}},
                   'successfulJobsHistoryLimit':3,'failedJobsHistoryLimit':1},
                 'status':{'lastScheduleTime':'2024-03-04T05:05:00Z'}}
                """,
                """
                {'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cm','creationTimestamp':null},
                 'data':{'k':'v','empty':''},'binaryData':{'b':'AAEC'},'immutable':true}
                """,
                """
                {'apiVersion':'rbac.authorization.k8s.io/v1','kind':'ClusterRole',
                 'metadata':{'name':'r','creationTimestamp':null},
                 'rules':[{'verbs':['get','list'],'apiGroups':[''],'resources':['pods'],'resourceNames':['a']},
                   {'verbs':['get'],'nonResourceURLs':['/healthz']}],
                 'aggregationRule':{'clusterRoleSelectors':[{'matchLabels':{'x':'y'}}]}}
                """);
    }

    @ParameterizedTest
    @MethodSource("objects")
    void jsonSurvivesProtobuf(String text) {
        ObjectNode object = json(text);

        ObjectNode back = KubernetesProtobuf.decode(KubernetesProtobuf.encode(object));

        assertThat(back).isEqualTo(object);
    }
}
