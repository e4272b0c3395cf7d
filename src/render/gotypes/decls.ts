/**
 * The Go types docker 28's `inspect -f` templates run against, transcribed (fields, order,
 * json tags; comments dropped) from docker/cli v28.2.2's vendored copies of:
 *   github.com/docker/docker/api/types/swarm/{common,node,service,task,container,network,
 *     runtime,swarm,secret,config}.go and swarm/runtime/plugin.pb.go
 *   github.com/docker/docker/api/types/network/{network,ipam}.go
 *   github.com/docker/docker/api/types/mount/mount.go
 *   github.com/docker/docker/api/types/container (HealthConfig, Ulimit, Isolation aliases)
 *   github.com/moby/docker-image-spec/specs-go/v1/image.go (HealthcheckConfig)
 *   github.com/docker/go-units/ulimit.go (Ulimit)
 * Docker 29 moved these to github.com/moby/moby/api; re-check this file when tsw targets it.
 */

export const SWARM_DECLS = `
package swarm

type Version struct {
	Index uint64 \`json:",omitempty"\`
}

type Meta struct {
	Version   Version   \`json:",omitempty"\`
	CreatedAt time.Time \`json:",omitempty"\`
	UpdatedAt time.Time \`json:",omitempty"\`
}

type Annotations struct {
	Name   string            \`json:",omitempty"\`
	Labels map[string]string \`json:"Labels"\`
}

type Driver struct {
	Name    string            \`json:",omitempty"\`
	Options map[string]string \`json:",omitempty"\`
}

type TLSInfo struct {
	TrustRoot           string \`json:",omitempty"\`
	CertIssuerSubject   []byte \`json:",omitempty"\`
	CertIssuerPublicKey []byte \`json:",omitempty"\`
}

// node.go
type Node struct {
	ID string
	Meta
	Spec          NodeSpec        \`json:",omitempty"\`
	Description   NodeDescription \`json:",omitempty"\`
	Status        NodeStatus      \`json:",omitempty"\`
	ManagerStatus *ManagerStatus  \`json:",omitempty"\`
}

type NodeSpec struct {
	Annotations
	Role         NodeRole         \`json:",omitempty"\`
	Availability NodeAvailability \`json:",omitempty"\`
}

type NodeRole string
type NodeAvailability string

type NodeDescription struct {
	Hostname  string            \`json:",omitempty"\`
	Platform  Platform          \`json:",omitempty"\`
	Resources Resources         \`json:",omitempty"\`
	Engine    EngineDescription \`json:",omitempty"\`
	TLSInfo   TLSInfo           \`json:",omitempty"\`
	CSIInfo   []NodeCSIInfo     \`json:",omitempty"\`
}

type Platform struct {
	Architecture string \`json:",omitempty"\`
	OS           string \`json:",omitempty"\`
}

type EngineDescription struct {
	EngineVersion string              \`json:",omitempty"\`
	Labels        map[string]string   \`json:",omitempty"\`
	Plugins       []PluginDescription \`json:",omitempty"\`
}

type NodeCSIInfo struct {
	PluginName         string    \`json:",omitempty"\`
	NodeID             string    \`json:",omitempty"\`
	MaxVolumesPerNode  int64     \`json:",omitempty"\`
	AccessibleTopology *Topology \`json:",omitempty"\`
}

type PluginDescription struct {
	Type string \`json:",omitempty"\`
	Name string \`json:",omitempty"\`
}

type NodeStatus struct {
	State   NodeState \`json:",omitempty"\`
	Message string    \`json:",omitempty"\`
	Addr    string    \`json:",omitempty"\`
}

type Reachability string

type ManagerStatus struct {
	Leader       bool         \`json:",omitempty"\`
	Reachability Reachability \`json:",omitempty"\`
	Addr         string       \`json:",omitempty"\`
}

type NodeState string

type Topology struct {
	Segments map[string]string \`json:",omitempty"\`
}

// service.go
type Service struct {
	ID string
	Meta
	Spec          ServiceSpec    \`json:",omitempty"\`
	PreviousSpec  *ServiceSpec   \`json:",omitempty"\`
	Endpoint      Endpoint       \`json:",omitempty"\`
	UpdateStatus  *UpdateStatus  \`json:",omitempty"\`
	ServiceStatus *ServiceStatus \`json:",omitempty"\`
	JobStatus     *JobStatus     \`json:",omitempty"\`
}

type ServiceSpec struct {
	Annotations
	TaskTemplate   TaskSpec                  \`json:",omitempty"\`
	Mode           ServiceMode               \`json:",omitempty"\`
	UpdateConfig   *UpdateConfig             \`json:",omitempty"\`
	RollbackConfig *UpdateConfig             \`json:",omitempty"\`
	Networks       []NetworkAttachmentConfig \`json:",omitempty"\`
	EndpointSpec   *EndpointSpec             \`json:",omitempty"\`
}

type ServiceMode struct {
	Replicated    *ReplicatedService \`json:",omitempty"\`
	Global        *GlobalService     \`json:",omitempty"\`
	ReplicatedJob *ReplicatedJob     \`json:",omitempty"\`
	GlobalJob     *GlobalJob         \`json:",omitempty"\`
}

type UpdateState string

type UpdateStatus struct {
	State       UpdateState \`json:",omitempty"\`
	StartedAt   *time.Time  \`json:",omitempty"\`
	CompletedAt *time.Time  \`json:",omitempty"\`
	Message     string      \`json:",omitempty"\`
}

type ReplicatedService struct {
	Replicas *uint64 \`json:",omitempty"\`
}

type GlobalService struct{}

type ReplicatedJob struct {
	MaxConcurrent    *uint64 \`json:",omitempty"\`
	TotalCompletions *uint64 \`json:",omitempty"\`
}

type GlobalJob struct{}

type UpdateConfig struct {
	Parallelism     uint64
	Delay           time.Duration \`json:",omitempty"\`
	FailureAction   string        \`json:",omitempty"\`
	Monitor         time.Duration \`json:",omitempty"\`
	MaxFailureRatio float32
	Order           string
}

type ServiceStatus struct {
	RunningTasks   uint64
	DesiredTasks   uint64
	CompletedTasks uint64
}

type JobStatus struct {
	JobIteration  Version
	LastExecution time.Time \`json:",omitempty"\`
}

// task.go
type TaskState string

type Task struct {
	ID string
	Meta
	Annotations
	Spec                TaskSpec            \`json:",omitempty"\`
	ServiceID           string              \`json:",omitempty"\`
	Slot                int                 \`json:",omitempty"\`
	NodeID              string              \`json:",omitempty"\`
	Status              TaskStatus          \`json:",omitempty"\`
	DesiredState        TaskState           \`json:",omitempty"\`
	NetworksAttachments []NetworkAttachment \`json:",omitempty"\`
	GenericResources    []GenericResource   \`json:",omitempty"\`
	JobIteration        *Version            \`json:",omitempty"\`
	Volumes             []VolumeAttachment
}

type TaskSpec struct {
	ContainerSpec         *ContainerSpec            \`json:",omitempty"\`
	PluginSpec            *runtime.PluginSpec       \`json:",omitempty"\`
	NetworkAttachmentSpec *NetworkAttachmentSpec    \`json:",omitempty"\`
	Resources             *ResourceRequirements     \`json:",omitempty"\`
	RestartPolicy         *RestartPolicy            \`json:",omitempty"\`
	Placement             *Placement                \`json:",omitempty"\`
	Networks              []NetworkAttachmentConfig \`json:",omitempty"\`
	LogDriver             *Driver                   \`json:",omitempty"\`
	ForceUpdate           uint64
	Runtime               RuntimeType \`json:",omitempty"\`
}

type Resources struct {
	NanoCPUs         int64             \`json:",omitempty"\`
	MemoryBytes      int64             \`json:",omitempty"\`
	GenericResources []GenericResource \`json:",omitempty"\`
}

type Limit struct {
	NanoCPUs    int64 \`json:",omitempty"\`
	MemoryBytes int64 \`json:",omitempty"\`
	Pids        int64 \`json:",omitempty"\`
}

type GenericResource struct {
	NamedResourceSpec    *NamedGenericResource    \`json:",omitempty"\`
	DiscreteResourceSpec *DiscreteGenericResource \`json:",omitempty"\`
}

type NamedGenericResource struct {
	Kind  string \`json:",omitempty"\`
	Value string \`json:",omitempty"\`
}

type DiscreteGenericResource struct {
	Kind  string \`json:",omitempty"\`
	Value int64  \`json:",omitempty"\`
}

type ResourceRequirements struct {
	Limits       *Limit     \`json:",omitempty"\`
	Reservations *Resources \`json:",omitempty"\`
}

type Placement struct {
	Constraints []string              \`json:",omitempty"\`
	Preferences []PlacementPreference \`json:",omitempty"\`
	MaxReplicas uint64                \`json:",omitempty"\`
	Platforms   []Platform            \`json:",omitempty"\`
}

type PlacementPreference struct {
	Spread *SpreadOver
}

type SpreadOver struct {
	SpreadDescriptor string
}

type RestartPolicy struct {
	Condition   RestartPolicyCondition \`json:",omitempty"\`
	Delay       *time.Duration         \`json:",omitempty"\`
	MaxAttempts *uint64                \`json:",omitempty"\`
	Window      *time.Duration         \`json:",omitempty"\`
}

type RestartPolicyCondition string

type TaskStatus struct {
	Timestamp       time.Time        \`json:",omitempty"\`
	State           TaskState        \`json:",omitempty"\`
	Message         string           \`json:",omitempty"\`
	Err             string           \`json:",omitempty"\`
	ContainerStatus *ContainerStatus \`json:",omitempty"\`
	PortStatus      PortStatus       \`json:",omitempty"\`
}

type ContainerStatus struct {
	ContainerID string
	PID         int
	ExitCode    int
}

type PortStatus struct {
	Ports []PortConfig \`json:",omitempty"\`
}

type VolumeAttachment struct {
	ID     string \`json:",omitempty"\`
	Source string \`json:",omitempty"\`
	Target string \`json:",omitempty"\`
}

// container.go
type DNSConfig struct {
	Nameservers []string \`json:",omitempty"\`
	Search      []string \`json:",omitempty"\`
	Options     []string \`json:",omitempty"\`
}

type SELinuxContext struct {
	Disable bool
	User    string
	Role    string
	Type    string
	Level   string
}

type SeccompMode string

type SeccompOpts struct {
	Mode    SeccompMode \`json:",omitempty"\`
	Profile []byte      \`json:",omitempty"\`
}

type AppArmorMode string

type AppArmorOpts struct {
	Mode AppArmorMode \`json:",omitempty"\`
}

type CredentialSpec struct {
	Config   string
	File     string
	Registry string
}

type Privileges struct {
	CredentialSpec  *CredentialSpec
	SELinuxContext  *SELinuxContext
	Seccomp         *SeccompOpts  \`json:",omitempty"\`
	AppArmor        *AppArmorOpts \`json:",omitempty"\`
	NoNewPrivileges bool
}

type ContainerSpec struct {
	Image           string                  \`json:",omitempty"\`
	Labels          map[string]string       \`json:",omitempty"\`
	Command         []string                \`json:",omitempty"\`
	Args            []string                \`json:",omitempty"\`
	Hostname        string                  \`json:",omitempty"\`
	Env             []string                \`json:",omitempty"\`
	Dir             string                  \`json:",omitempty"\`
	User            string                  \`json:",omitempty"\`
	Groups          []string                \`json:",omitempty"\`
	Privileges      *Privileges             \`json:",omitempty"\`
	Init            *bool                   \`json:",omitempty"\`
	StopSignal      string                  \`json:",omitempty"\`
	TTY             bool                    \`json:",omitempty"\`
	OpenStdin       bool                    \`json:",omitempty"\`
	ReadOnly        bool                    \`json:",omitempty"\`
	Mounts          []mount.Mount           \`json:",omitempty"\`
	StopGracePeriod *time.Duration          \`json:",omitempty"\`
	Healthcheck     *container.HealthConfig \`json:",omitempty"\`
	Hosts           []string                \`json:",omitempty"\`
	DNSConfig       *DNSConfig              \`json:",omitempty"\`
	Secrets         []*SecretReference      \`json:",omitempty"\`
	Configs         []*ConfigReference      \`json:",omitempty"\`
	Isolation       container.Isolation     \`json:",omitempty"\`
	Sysctls         map[string]string       \`json:",omitempty"\`
	CapabilityAdd   []string                \`json:",omitempty"\`
	CapabilityDrop  []string                \`json:",omitempty"\`
	Ulimits         []*container.Ulimit     \`json:",omitempty"\`
	OomScoreAdj     int64                   \`json:",omitempty"\`
}

// network.go
type Endpoint struct {
	Spec       EndpointSpec        \`json:",omitempty"\`
	Ports      []PortConfig        \`json:",omitempty"\`
	VirtualIPs []EndpointVirtualIP \`json:",omitempty"\`
}

type EndpointSpec struct {
	Mode  ResolutionMode \`json:",omitempty"\`
	Ports []PortConfig   \`json:",omitempty"\`
}

type ResolutionMode string

type PortConfig struct {
	Name          string                \`json:",omitempty"\`
	Protocol      PortConfigProtocol    \`json:",omitempty"\`
	TargetPort    uint32                \`json:",omitempty"\`
	PublishedPort uint32                \`json:",omitempty"\`
	PublishMode   PortConfigPublishMode \`json:",omitempty"\`
}

type PortConfigPublishMode string
type PortConfigProtocol string

type EndpointVirtualIP struct {
	NetworkID string \`json:",omitempty"\`
	Addr      string \`json:",omitempty"\`
}

type Network struct {
	ID string
	Meta
	Spec        NetworkSpec  \`json:",omitempty"\`
	DriverState Driver       \`json:",omitempty"\`
	IPAMOptions *IPAMOptions \`json:",omitempty"\`
}

type NetworkSpec struct {
	Annotations
	DriverConfiguration *Driver                  \`json:",omitempty"\`
	IPv6Enabled         bool                     \`json:",omitempty"\`
	Internal            bool                     \`json:",omitempty"\`
	Attachable          bool                     \`json:",omitempty"\`
	Ingress             bool                     \`json:",omitempty"\`
	IPAMOptions         *IPAMOptions             \`json:",omitempty"\`
	ConfigFrom          *network.ConfigReference \`json:",omitempty"\`
	Scope               string                   \`json:",omitempty"\`
}

type NetworkAttachmentConfig struct {
	Target     string            \`json:",omitempty"\`
	Aliases    []string          \`json:",omitempty"\`
	DriverOpts map[string]string \`json:",omitempty"\`
}

type NetworkAttachment struct {
	Network   Network  \`json:",omitempty"\`
	Addresses []string \`json:",omitempty"\`
}

type IPAMOptions struct {
	Driver  Driver       \`json:",omitempty"\`
	Configs []IPAMConfig \`json:",omitempty"\`
}

type IPAMConfig struct {
	Subnet  string \`json:",omitempty"\`
	Range   string \`json:",omitempty"\`
	Gateway string \`json:",omitempty"\`
}

// runtime.go
type RuntimeType string

type NetworkAttachmentSpec struct {
	ContainerID string
}

// swarm.go
type ClusterInfo struct {
	ID string
	Meta
	Spec                   Spec
	TLSInfo                TLSInfo
	RootRotationInProgress bool
	DefaultAddrPool        []string
	SubnetSize             uint32
	DataPathPort           uint32
}

type Swarm struct {
	ClusterInfo
	JoinTokens JoinTokens
}

type JoinTokens struct {
	Worker  string
	Manager string
}

type Spec struct {
	Annotations
	Orchestration    OrchestrationConfig \`json:",omitempty"\`
	Raft             RaftConfig          \`json:",omitempty"\`
	Dispatcher       DispatcherConfig    \`json:",omitempty"\`
	CAConfig         CAConfig            \`json:",omitempty"\`
	TaskDefaults     TaskDefaults        \`json:",omitempty"\`
	EncryptionConfig EncryptionConfig    \`json:",omitempty"\`
}

type OrchestrationConfig struct {
	TaskHistoryRetentionLimit *int64 \`json:",omitempty"\`
}

type TaskDefaults struct {
	LogDriver *Driver \`json:",omitempty"\`
}

type EncryptionConfig struct {
	AutoLockManagers bool
}

type RaftConfig struct {
	SnapshotInterval           uint64  \`json:",omitempty"\`
	KeepOldSnapshots           *uint64 \`json:",omitempty"\`
	LogEntriesForSlowFollowers uint64  \`json:",omitempty"\`
	ElectionTick               int
	HeartbeatTick              int
}

type DispatcherConfig struct {
	HeartbeatPeriod time.Duration \`json:",omitempty"\`
}

type CAConfig struct {
	NodeCertExpiry time.Duration \`json:",omitempty"\`
	ExternalCAs    []*ExternalCA \`json:",omitempty"\`
	SigningCACert  string        \`json:",omitempty"\`
	SigningCAKey   string        \`json:",omitempty"\`
	ForceRotate    uint64        \`json:",omitempty"\`
}

type ExternalCAProtocol string

type ExternalCA struct {
	Protocol ExternalCAProtocol
	URL      string
	Options  map[string]string \`json:",omitempty"\`
	CACert   string
}

// secret.go
type Secret struct {
	ID string
	Meta
	Spec SecretSpec
}

type SecretSpec struct {
	Annotations
	Data       []byte  \`json:",omitempty"\`
	Driver     *Driver \`json:",omitempty"\`
	Templating *Driver \`json:",omitempty"\`
}

type SecretReferenceFileTarget struct {
	Name string
	UID  string
	GID  string
	Mode os.FileMode
}

type SecretReference struct {
	File       *SecretReferenceFileTarget
	SecretID   string
	SecretName string
}

// config.go
type Config struct {
	ID string
	Meta
	Spec ConfigSpec
}

type ConfigSpec struct {
	Annotations
	Data       []byte  \`json:",omitempty"\`
	Templating *Driver \`json:",omitempty"\`
}

type ConfigReferenceFileTarget struct {
	Name string
	UID  string
	GID  string
	Mode os.FileMode
}

type ConfigReferenceRuntimeTarget struct{}

type ConfigReference struct {
	File       *ConfigReferenceFileTarget    \`json:",omitempty"\`
	Runtime    *ConfigReferenceRuntimeTarget \`json:",omitempty"\`
	ConfigID   string
	ConfigName string
}
`;

export const RUNTIME_DECLS = `
package runtime

type PluginSpec struct {
	Name       string             \`json:"name,omitempty"\`
	Remote     string             \`json:"remote,omitempty"\`
	Privileges []*PluginPrivilege \`json:"privileges,omitempty"\`
	Disabled   bool               \`json:"disabled,omitempty"\`
	Env        []string           \`json:"env,omitempty"\`
}

type PluginPrivilege struct {
	Name        string   \`json:"name,omitempty"\`
	Description string   \`json:"description,omitempty"\`
	Value       []string \`json:"value,omitempty"\`
}
`;

export const MOUNT_DECLS = `
package mount

type Type string
type Consistency string
type Propagation string

type Mount struct {
	Type           Type            \`json:",omitempty"\`
	Source         string          \`json:",omitempty"\`
	Target         string          \`json:",omitempty"\`
	ReadOnly       bool            \`json:",omitempty"\`
	Consistency    Consistency     \`json:",omitempty"\`
	BindOptions    *BindOptions    \`json:",omitempty"\`
	VolumeOptions  *VolumeOptions  \`json:",omitempty"\`
	ImageOptions   *ImageOptions   \`json:",omitempty"\`
	TmpfsOptions   *TmpfsOptions   \`json:",omitempty"\`
	ClusterOptions *ClusterOptions \`json:",omitempty"\`
}

type BindOptions struct {
	Propagation            Propagation \`json:",omitempty"\`
	NonRecursive           bool        \`json:",omitempty"\`
	CreateMountpoint       bool        \`json:",omitempty"\`
	ReadOnlyNonRecursive   bool        \`json:",omitempty"\`
	ReadOnlyForceRecursive bool        \`json:",omitempty"\`
}

type VolumeOptions struct {
	NoCopy       bool              \`json:",omitempty"\`
	Labels       map[string]string \`json:",omitempty"\`
	Subpath      string            \`json:",omitempty"\`
	DriverConfig *Driver           \`json:",omitempty"\`
}

type ImageOptions struct {
	Subpath string \`json:",omitempty"\`
}

type Driver struct {
	Name    string            \`json:",omitempty"\`
	Options map[string]string \`json:",omitempty"\`
}

type TmpfsOptions struct {
	SizeBytes int64       \`json:",omitempty"\`
	Mode      os.FileMode \`json:",omitempty"\`
	Options   [][]string  \`json:",omitempty"\`
}

type ClusterOptions struct{}
`;

export const CONTAINER_DECLS = `
package container

type HealthConfig = v1.HealthcheckConfig
type Ulimit = units.Ulimit
type Isolation string

package v1

type HealthcheckConfig struct {
	Test          []string      \`json:",omitempty"\`
	Interval      time.Duration \`json:",omitempty"\`
	Timeout       time.Duration \`json:",omitempty"\`
	StartPeriod   time.Duration \`json:",omitempty"\`
	StartInterval time.Duration \`json:",omitempty"\`
	Retries       int           \`json:",omitempty"\`
}

package units

type Ulimit struct {
	Name string
	Hard int64
	Soft int64
}
`;

export const NETWORK_DECLS = `
package network

type Inspect struct {
	Name       string
	ID         string \`json:"Id"\`
	Created    time.Time
	Scope      string
	Driver     string
	EnableIPv4 bool
	EnableIPv6 bool
	IPAM       IPAM
	Internal   bool
	Attachable bool
	Ingress    bool
	ConfigFrom ConfigReference
	ConfigOnly bool
	Containers map[string]EndpointResource
	Options    map[string]string
	Labels     map[string]string
	Peers      []PeerInfo             \`json:",omitempty"\`
	Services   map[string]ServiceInfo \`json:",omitempty"\`
}

type PeerInfo struct {
	Name string
	IP   string
}

type Task struct {
	Name       string
	EndpointID string
	EndpointIP string
	Info       map[string]string
}

type ServiceInfo struct {
	VIP          string
	Ports        []string
	LocalLBIndex int
	Tasks        []Task
}

type EndpointResource struct {
	Name        string
	EndpointID  string
	MacAddress  string
	IPv4Address string
	IPv6Address string
}

type ConfigReference struct {
	Network string
}

type IPAM struct {
	Driver  string
	Options map[string]string
	Config  []IPAMConfig
}

type IPAMConfig struct {
	Subnet     string            \`json:",omitempty"\`
	IPRange    string            \`json:",omitempty"\`
	Gateway    string            \`json:",omitempty"\`
	AuxAddress map[string]string \`json:"AuxiliaryAddresses,omitempty"\`
}
`;
