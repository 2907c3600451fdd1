//! What the walker finds in a document: objects by level, destinations in each dialect's notation, identifiers parsed once.

use super::*;
use invokecfg_model::Provider;

/// An object at a known level.
pub(crate) struct Obj<'a> {
    pub pointer: String,
    pub map: &'a Map<String, Value>,
    pub level: Level,
}

/// One Alibaba destination ARN.
pub(crate) struct AliDest<'a> {
    pub text: &'a str,
    pub pointer: String,
    pub arn: Result<AcsArn, ArnError>,
}

/// One Lambda destination ARN.
pub(crate) struct AwsDest {
    pub arn: Result<AwsArn, AwsArnError>,
}

/// One Huawei destination: kind and `param`.
pub(crate) struct HwDest<'a> {
    pub kind_text: Option<&'a str>,
    /// The kind, exact or (for checks inside `param`) matched ignoring case.
    pub kind: Option<DestinationKind>,
    pub param_text: Option<&'a str>,
    /// `param` decoded, when it is a string.
    pub param: Option<Result<Value, serde_json::Error>>,
}

impl HwDest<'_> {
    /// The decoded `param` object.
    pub fn param_obj(&self) -> Option<&Map<String, Value>> {
        match &self.param {
            Some(Ok(Value::Object(m))) => Some(m),
            _ => None,
        }
    }

    /// The `func_urn` inside a FunctionGraph `param`, parsed.
    pub fn func_urn(&self) -> Option<FunctionUrn> {
        if self.kind != Some(DestinationKind::FunctionGraph) {
            return None;
        }
        self.param_obj()?.get(param_id_key(DestinationKind::FunctionGraph))?.as_str()?.parse().ok()
    }
}

/// The `param` key holding a FunctionGraph destination's identifier (`func_urn`, `topic_urn`, ...).
pub(crate) fn param_id_key(kind: DestinationKind) -> &'static str {
    kind.param_keys().first().copied().unwrap_or_default()
}

/// A destination slot (`onSuccess`, `on_failure`, ...).
pub(crate) struct Dest<'a> {
    pub slot: &'static str,
    pub pointer: String,
    pub map: &'a Map<String, Value>,
    pub alibaba: Option<AliDest<'a>>,
    pub huawei: Option<HwDest<'a>>,
    pub aws: Option<AwsDest>,
}

impl Dest<'_> {
    /// The function this destination invokes, if it is a function.
    pub fn function(&self) -> Option<FunctionRef> {
        if let Some(a) = &self.alibaba {
            return a.arn.as_ref().ok().and_then(arn_function);
        }
        if let Some(a) = &self.aws {
            return a.arn.as_ref().ok().and_then(|a| neutral::aws::destination_of(a).function());
        }
        self.huawei.as_ref()?.func_urn().map(|u| urn_function(&u))
    }

    /// The region the destination lives in, when it names one.
    pub fn region(&self) -> Option<String> {
        if let Some(a) = &self.alibaba {
            return a.arn.as_ref().ok().map(|a| a.region.clone()).filter(|r| !r.is_empty());
        }
        if let Some(a) = &self.aws {
            return a.arn.as_ref().ok().map(|a| a.region.clone()).filter(|r| !r.is_empty());
        }
        let h = self.huawei.as_ref()?;
        let obj = h.param_obj()?;
        let text = match h.kind? {
            k @ (DestinationKind::FunctionGraph | DestinationKind::Smn) => obj.get(param_id_key(k))?.as_str()?,
            _ => return None,
        };
        let region = text.split(':').nth(2)?;
        text.starts_with("urn:").then(|| region.to_string())
    }
}

/// Why an identifier does not parse.
pub(crate) enum IdError {
    Arn(ArnError),
    Urn(UrnError),
}

/// Which kind of identifier.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdKind {
    /// An Alibaba ARN (`destination`, `functionArn`).
    Arn,
    /// The config's own FunctionGraph function URN (`func_urn`).
    FunctionUrn,
    /// A FunctionGraph function URN inside a destination's `param`.
    ParamFunctionUrn,
    /// An SMN topic URN inside `param`.
    TopicUrn,
}

impl IdKind {
    /// The cloud whose notation the identifier is in.
    pub(crate) fn provider(self) -> Provider {
        match self {
            IdKind::Arn => Provider::Alibaba,
            IdKind::FunctionUrn | IdKind::ParamFunctionUrn | IdKind::TopicUrn => Provider::Huawei,
        }
    }
}

/// An ARN or URN found in the document, parsed once.
pub(crate) struct Ident {
    /// Pointer of the string holding it (for `param` members: of `param`).
    pub pointer: String,
    /// How messages name the field (`destination`, `functionArn`, `param.func_urn`).
    pub field: &'static str,
    pub text: String,
    pub kind: IdKind,
    pub arn: Option<AcsArn>,
    pub error: Option<IdError>,
    /// Index of the config it belongs to.
    pub config: usize,
}

impl Ident {
    /// The region part, when the text has the `acs:`/`urn:` shape far enough to hold one.
    pub fn region_text(&self) -> Option<&str> {
        if !(self.text.starts_with("acs:") || self.text.starts_with("urn:")) {
            return None;
        }
        // The third `:`-separated part, found by bytes (every identifier is asked).
        let mut colons = self.text.bytes().enumerate().filter(|(_, b)| *b == b':').map(|(i, _)| i);
        let start = colons.nth(1)? + 1;
        self.text.get(start..colons.next().unwrap_or(self.text.len()))
    }
}
