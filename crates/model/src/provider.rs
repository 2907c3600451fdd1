//! The clouds and the kinds of destination, as names only: a leaf every
//! other module may use. What each provider is (its words, regions, home
//! dialect) is its `ProviderSpec` in `facts/`, reached by `Provider::spec`.

registered! {
    /// Which cloud an identifier belongs to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Provider {
        /// Alibaba Cloud.
        Alibaba,
        /// Huawei Cloud.
        Huawei,
        /// Amazon Web Services.
        Aws,
        /// Tencent Cloud.
        Tencent,
    }
}

registered! {
    /// What a destination is, whatever cloud it lives in.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum TargetKind {
        /// Another function.
        Function,
        /// A message queue (MNS queue, SQS queue).
        Queue,
        /// A message topic (MNS topic, SMN topic, SNS topic).
        Topic,
        /// An event bus (EventBridge).
        EventBus,
        /// A topic of a message-queue instance (ApsaraMQ for RocketMQ).
        InstanceTopic,
        /// Object storage (OBS bucket, S3 bucket).
        ObjectStorage,
        /// A data stream (DIS).
        Stream,
    }
}

impl TargetKind {
    /// The kind in words.
    pub fn noun(self) -> &'static str {
        match self {
            TargetKind::Function => "function",
            TargetKind::Queue => "queue",
            TargetKind::Topic => "topic",
            TargetKind::EventBus => "event bus",
            TargetKind::InstanceTopic => "message-queue instance topic",
            TargetKind::ObjectStorage => "bucket",
            TargetKind::Stream => "stream",
        }
    }
}
