"""What each operation does, who may call it and what it refuses: the description of every operation
in the OpenAPI document that does not carry one in its route.

Kept as one table so that the whole contract reads in one place; a test fails on any
operation that has neither a description here nor one in its route.
"""

from __future__ import annotations

from typing import Any

_NOT_SEEN = "A request the caller may not see answers as one that does not exist (404)."

DESCRIPTIONS: dict[str, str] = {
    "listAgreements": "Any signed-in user whose role reads agreements. Lists every stored version.",
    "uploadAgreement": (
        "Receiving admins, for their own country only (403 for another country's agreement). The body "
        "is the TOML or JSON file; a file that cannot be read or is not a valid agreement is refused "
        "(422, naming the key). The same file again changes nothing (200)."
    ),
    "verifyClearance": (
        "Anyone, without signing in: checks the token's signature against the issuer's public keys and "
        "says whether the clearance is current, superseded or revoked. A token that does not verify "
        "answers `invalid`, not an error."
    ),
    "currentHolds": "Sending users whose role reads the hold list (403 for others, and for other sides).",
    "importHolds": (
        "Sending admins (403 for others). The body is the CSV; the whole list replaces the current one. "
        "Lines that cannot be read are counted and the first ones named; a file without the required "
        "columns is refused (422)."
    ),
    "listKeys": "Anyone, without signing in: the public halves, so that a clearance can be verified offline.",
    "rotateKey": "Receiving admins (403 for others). The old key is retired: it no longer signs, it still verifies.",
    "listRequests": (
        "Any signed-in user whose role reads requests: a sending authority its own, a receiving authority "
        "those submitted to its country, an observer those it was granted. Filters by reference and "
        "country; `limit` and `offset` page through the list."
    ),
    "createRequest": (
        "Sending officers and admins (403 for others, and for the receiving side). The body is the flight "
        "and the manifest rows; content that is not a clearance request at all is refused (422), a "
        "reference the organisation already used is a conflict (409). Pre-check findings do not refuse."
    ),
    "getRequest": f"Any signed-in user whose role reads requests. {_NOT_SEEN}",
    "recordArrival": (
        "Officers of either side, once the flight departed (409 in another state). "
        f"An arrival before the departure is refused (422). {_NOT_SEEN}"
    ),
    "cancelRequest": (
        "Sending officers and admins, before the flight departs (409 afterwards; 403 for the receiving "
        f"side). {_NOT_SEEN}"
    ),
    "copyRequest": f"Sending officers and admins (403 for others). Nothing of the source changes. {_NOT_SEEN}",
    "decideRequest": (
        "Receiving officers and admins, on a submitted version (409 in another state or for a stale "
        "version; 403 for the sending side). Reason codes must be known, a denial needs a reason, a "
        f"restricted approval needs the passengers it excludes (422). {_NOT_SEEN}"
    ),
    "recordDeparture": (
        "Sending officers and admins, once the request is approved (409 in another state; 403 for the "
        f"receiving side). A registration other than the cleared one is recorded and flagged. {_NOT_SEEN}"
    ),
    "diffVersions": (
        "Users whose role reads personal data (403 for others); both versions must exist (404). "
        f"The view is written to the access log. {_NOT_SEEN}"
    ),
    "precheckRequest": (
        "Sending officers and admins (403 for others). Content that is not a clearance request at all "
        f"is refused (422). Nothing is stored. {_NOT_SEEN}"
    ),
    "confirmReception": (
        "Receiving officers and admins, once the flight arrived (409 in another state; 403 for the sending "
        f"side). Every passenger must be named exactly once (422). {_NOT_SEEN}"
    ),
    "revokeRequest": (
        "Receiving officers and admins, after approval and before departure (409 otherwise; 403 for the "
        f"sending side). Needs known reason codes (422). {_NOT_SEEN}"
    ),
    "submitRequest": (
        "Sending officers and admins, on a draft or after a request for information (409 in another "
        "state; 403 for the receiving side). A version with no passenger is refused (409, "
        "`service.manifest_empty`); pre-check errors refuse the submission (409) unless an "
        f"override justification is given. {_NOT_SEEN}"
    ),
    "listVersions": f"Any signed-in user whose role reads requests. {_NOT_SEEN}",
    "saveVersion": (
        "Sending officers and admins, on a draft or after a request for information (409 in another "
        "state, or with the current number when `based_on_version` is stale; 403 for the receiving side). "
        f"The reference cannot change (422). {_NOT_SEEN}"
    ),
    "grantObserver": (
        "Admins of the sending or receiving organisation (403 for others and for observers). Names the "
        "observer organisation and either one request or one agreement; an unknown observer or request "
        "answers as missing (404), a target the caller's organisation is not party to is refused (403)."
    ),
    "withdrawObserverGrant": (
        "Admins of the organisation that gave the grant (403 for others). A grant the organisation did "
        "not give, or that does not exist, answers as missing (404). Withdrawing twice changes nothing."
    ),
    "listObserverGrants": f"The request's sending and receiving organisations (404 for others). {_NOT_SEEN}",
    "requestAccessLog": (
        "The request's sending and receiving organisations (404 for others): who viewed its personal data, "
        f"and when. {_NOT_SEEN}"
    ),
    "requestAudit": f"The request's sending and receiving organisations (404 for others). {_NOT_SEEN}",
    "answerQuestions": (
        "Sending officers and admins, while the request awaits information (409 in another state; 403 for "
        f"the receiving side). An empty answer is refused (422). {_NOT_SEEN}"
    ),
    "getVersion": (
        "Users whose role reads personal data (403 for others); an unknown version is 404. "
        f"The view is written to the access log. {_NOT_SEEN}"
    ),
    "fetchCheckpoint": (
        "Any signed-in user. Answers the latest signed checkpoint of the audit chain (one is taken when none "
        "exists yet); a sending or receiving organisation countersigns it with its own key on first fetch, so "
        "that a later rewrite of the chain is caught against its copy."
    ),
    "listAuditHashes": (
        "Any signed-in user: the entry hashes (no content) from `since` on, enough to check that the chain "
        "extends a checkpoint one holds. A negative `since` is refused (422); the list is capped per call."
    ),
    "listCalendarFeeds": (
        "Admins of the organisation (403 for others). Lists its calendar feeds and whether each is revoked; "
        "a feed's secret address is shown only when it is made."
    ),
    "createCalendarFeed": (
        "Admins of the organisation (403 for others). Makes a secret ICS address of the organisation's "
        "arrivals, shown once; a name that is empty or too long is refused (422)."
    ),
    "revokeCalendarFeed": (
        "Admins of the organisation (403 for others). The feed's address answers 404 from now on; another "
        "organisation's feed answers as one that does not exist (404)."
    ),
    "getCalendarFeed": (
        "Anyone holding the secret address (a calendar program subscribes without signing in): the "
        "organisation's arrivals as iCalendar. An unknown or revoked address answers 404."
    ),
    "revokeKey": (
        "Admins of the organisation that owns the key (403 for other roles; another organisation's key answers "
        "404). A revoked key is compromised: nothing it signed verifies any more, and a new key takes its place."
    ),
    "manifestTemplate": (
        "Anyone, without signing in: the empty XLSX manifest with its headers, columns kept as text, "
        "validations and a guide to every column in English and Spanish."
    ),
    "getEmailPreferences": (
        "Any signed-in user, for themselves: the events they receive by e-mail and the language of those e-mails."
    ),
    "setEmailPreferences": (
        "Any signed-in user, for themselves. An unknown event type or language is refused (422, naming it); "
        "an empty list of events opts out of e-mail."
    ),
    "getAnnex9Pdf": (
        "Users who may read the version's manifest (403 for others; an unknown version is 404). The PDF is "
        f"personal data: the download is written to the access log. {_NOT_SEEN}"
    ),
    "exportVersion": (
        "Users who may read the version's manifest (403 for others; an unknown version answers 404, an "
        f"unknown format 422). The file is personal data: the download is written to the access log. {_NOT_SEEN}"
    ),
    "listDeliveries": (
        "Admins of the organisation (403 for others). Pages through its notifications, newest first, filtered "
        "by status; `limit` above the maximum is refused (422)."
    ),
    "replayDelivery": (
        "Admins of the organisation (403 for others). Only a dead letter can be replayed (409 otherwise); "
        "another organisation's message answers as one that does not exist (404)."
    ),
    "listWebhookEndpoints": (
        "Admins of the organisation (403 for others). Lists its endpoints, their events and whether they are "
        "disabled; secrets are never shown again."
    ),
    "createWebhookEndpoint": (
        "Admins of the organisation (403 for others). An address that is not HTTPS outside development, or "
        "that points to a private or local network, and unknown event types are refused (422)."
    ),
    "disableWebhookEndpoint": (
        "Admins of the organisation (403 for others). Nothing more is sent to the endpoint; another "
        "organisation's endpoint answers as one that does not exist (404)."
    ),
}


def describe(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each operation's description from ``DESCRIPTIONS`` where its route has none, and
    every response header given a schema (OpenAPI requires one; a header documented only by its
    description is not valid)."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            if not operation.get("description") and operation.get("operationId") in DESCRIPTIONS:
                operation["description"] = DESCRIPTIONS[operation["operationId"]]
            for response in operation.get("responses", {}).values():
                for header in response.get("headers", {}).values():
                    header.setdefault("schema", {"type": "string"})
    return schema
