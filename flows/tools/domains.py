"""The action domains a team works on (METHOD.md, Figuur 3): the guide's five or its own."""

from __future__ import annotations

from typing import Any

from flows.context import Context
from flows.domain import Item, Track
from flows.i18n import fold
from flows.model import Flow, Kind, Option, Registry, Repeat, Step

# The guide's five action domains with their sub-domains (METHOD.md, "Action domains").
SUBDOMAINS: dict[str, tuple[str, ...]] = {
    "bio": ("biowaste", "catering", "shortchain", "green", "agriculture", "foodwaste"),
    "built": ("building", "adaptive", "materials", "spaces", "infrastructure", "brownfields"),
    "consumer": ("repair", "sharing", "makers", "collection", "cleanliness"),
    "industry": ("cooperation", "parks", "symbiosis"),
    "other": ("water", "care", "mobility", "heat"),
}

# The domain names exactly as the suggestion buttons add them (dom-<id> in both .ftl files);
# a test keeps these in step with the translations. Conditions see only an item's data, so
# they recognise a guide domain by its name in either language.
NAMES: dict[str, tuple[str, str]] = {
    "bio": ("Bio-economie en voeding", "Bio-economy and food"),
    "built": ("Gebouwde omgeving", "Built environment"),
    "consumer": ("Consumentengoederen en afval", "Consumer goods and waste"),
    "industry": ("Industrie en lokale economie", "Industry and local economy"),
    "other": ("Andere domeinen", "Other domains"),
}
_BY_NAME = {fold(name): domain for domain, names in NAMES.items() for name in names}


def guide_domain(name: object) -> str | None:
    """Which of the guide's domains a domain name is, if any."""
    return _BY_NAME.get(fold(str(name or "")))


def _is(domain: str | None) -> Any:
    return lambda data: guide_domain(data.get("name")) == domain


FLOW = Flow(
    id="domains",
    title="dom-title",
    description="dom-description",
    commands=("domeinen", "domains"),
    order=210,
    english_command="domains",
    tool="domain",
    steps=(
        Step(
            id="domains",
            kind=Kind.LIST,
            text="dom-list",
            suggestions=tuple(Option(domain, f"dom-{domain}") for domain in SUBDOMAINS),
            max_length=200,
        ),
        Repeat(
            id="focus",
            steps=(
                *(
                    Step(
                        id=f"sub_{domain}",
                        field="subdomains",
                        kind=Kind.MULTI,
                        text="dom-subdomains",
                        when=f"domain_is_{domain}",
                        options=tuple(Option(sub, f"dom-{domain}-{sub}") for sub in subs),
                    )
                    for domain, subs in SUBDOMAINS.items()
                ),
                Step(
                    id="focus_own",
                    field="focus",
                    kind=Kind.TEXT,
                    text="dom-own-focus",
                    when="domain_is_own",
                    max_length=500,
                ),
            ),
        ),
    ),
    summary="domains.html.j2",
    tracks=(Track.STRATEGY,),
)


def subdomain_labels(item: Item, ctx: Context) -> list[str]:
    """The chosen sub-domains of a domain, in the person's language."""
    domain = guide_domain(item.data.get("name"))
    if domain is None:
        return []
    return [
        ctx.plain(f"dom-{domain}-{sub}")
        for sub in item.data.get("subdomains") or []
        if sub in SUBDOMAINS[domain]
    ]


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """Each domain with its sub-domains or own focus."""
    return {"domains": [(item, subdomain_labels(item, ctx)) for item in items]}


def register(registry: Registry) -> None:
    """Add the action-domain flow and its conditions."""
    registry.flows[FLOW.id] = FLOW
    registry.contexts[FLOW.id] = summary_context
    for domain in SUBDOMAINS:
        registry.conditions[f"domain_is_{domain}"] = _is(domain)
    registry.conditions["domain_is_own"] = _is(None)
