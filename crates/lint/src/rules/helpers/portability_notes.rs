//! How the portability rules (`P5xx`) report the dry run's notes.

use super::super::rule_of_note;
use crate::ctx::{At, Ctx};
use crate::RuleInfo;
use invokecfg_model::Diagnostic;

/// Appends the findings of portability rule `rule`: every dry-run note that
/// maps to it, with the note's severity (the translator's verdict: an error
/// exactly when the translation is refused).
pub(crate) fn report(ctx: &Ctx, rule: &RuleInfo, out: &mut Vec<Diagnostic>) {
    for n in ctx.portability() {
        if rule_of_note(&n.code) != Some(rule.code) {
            continue;
        }
        let mut d = ctx.finding(rule, &n.pointer, At::Value, n.message.clone());
        d.severity = n.severity;
        d.help = n.help.clone();
        d.old = n.old.clone();
        d.new = n.new.clone();
        d.range = n.range;
        out.push(d);
    }
}
