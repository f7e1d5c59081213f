// /verify: a clearance checked in this browser, offline, against the key set it holds.
//
// What the QR code holds is "CW1:" + Base45(zlib(signature || header JSON || "\n" || claims JSON)), the
// same compact JWS packed smaller (clearway.domain.clearance_qr); a pasted token is the JWS itself. Either
// way the Ed25519 signature over BASE64URL(header) "." BASE64URL(claims) is checked with Web Crypto, and the
// key set's own statements are applied: a revoked key verifies nothing, a retired key nothing signed after
// it was retired, and a key verifies only what its own organisation's country issued.
"use strict";

(() => {
  const boot = JSON.parse(document.getElementById("bootstrap").textContent);
  const STORED_KEYS = "clearway.verify.keys";
  const STORED_LANGUAGE = "clearway.verify.language";
  const KEY_ID = /^[0-9a-f]{16}$/;
  const SEGMENT = /^[A-Za-z0-9_-]+$/;
  const BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  const COMMON = ["v", "ref", "rid", "ver", "mh", "ac", "legs", "pax", "by", "at", "kid"];
  const FORMATS = {
    1: { required: [...COMMON, "no", "vf", "vu"], optional: ["rx"] },
    2: { required: [...COMMON, "d", "dev"], optional: ["no", "vf", "vu", "rx", "rc"] },
  };
  const GRANTS = ["approve", "approve_restricted"];

  let language = localStorage.getItem(STORED_LANGUAGE) || boot.language;
  let keySet = newestKeySet();
  let lastResult = null;
  let keyNote = "verify.keys_held";

  // --- text -------------------------------------------------------------------------------

  function t(key, params = {}) {
    const text = boot.messages[language][key] || boot.messages.en[key] || key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : ""));
  }

  function shownTime(iso) {
    // The same as clearway.domain.clearance.shown_time: "2025-01-22 00:15 UTC".
    const text = new Date(iso).toISOString();
    return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
  }

  function localTime(iso, offsetMinutes) {
    if (typeof offsetMinutes !== "number") return shownTime(iso);
    const local = new Date(new Date(iso).getTime() + offsetMinutes * 60000).toISOString();
    const sign = offsetMinutes < 0 ? "−" : "+";
    const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0");
    const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, "0");
    return `${local.slice(0, 10)} ${local.slice(11, 16)} (UTC${sign}${hours}:${minutes})`;
  }

  function render() {
    document.documentElement.lang = language;
    document.title = `${t("verify.title")} · Clearway`;
    for (const element of document.querySelectorAll("[data-text]")) element.textContent = t(element.dataset.text);
    document.getElementById("language").textContent = t("verify.switch_language");
    document.getElementById("keys").textContent =
      t(keyNote, { count: keySet.keys.length, date: shownTime(keySet.fetched_at) });
    if (lastResult) showResult(lastResult);
  }

  // --- the key set: embedded when served, refreshed when online, kept in this browser -----------

  function merged(one, other) {
    // Two key sets together: keys are never withdrawn from the published set (a retired key still verifies
    // what it signed), so a key either holds is kept; for a key both hold the newer set's entry wins, and a
    // revocation either states stays.
    const [newest, older] = new Date(one.fetched_at) >= new Date(other.fetched_at) ? [one, other] : [other, one];
    const keys = new Map(older.keys.map((key) => [key.key_id, key]));
    for (const key of newest.keys) {
      const before = keys.get(key.key_id);
      keys.set(key.key_id, before && before.revoked_at && !key.revoked_at ? before : key);
    }
    return { keys: [...keys.values()], fetched_at: newest.fetched_at };
  }

  function newestKeySet() {
    // The set embedded in the page, with the one kept from the last refresh.
    const embedded = { keys: boot.keys.keys, fetched_at: boot.keys_fetched_at };
    try {
      const stored = JSON.parse(localStorage.getItem(STORED_KEYS) || "null");
      if (stored && Array.isArray(stored.keys)) return merged(embedded, stored);
    } catch (error) {
      // A damaged copy is dropped: the embedded set is there.
    }
    return embedded;
  }

  async function refreshKeys() {
    if (!navigator.onLine) {
      keyNote = "verify.keys_offline";
      return render();
    }
    try {
      const response = await fetch(boot.keys_url, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const document_ = await response.json();
      if (!Array.isArray(document_.keys)) throw new Error("no keys");
      // The server's Date: a key set the service worker answers from its cache keeps the date it was fetched.
      const served = new Date(response.headers.get("Date") || Date.now());
      const fetchedAt = Number.isNaN(served.getTime()) ? new Date() : served;
      keySet = merged(keySet, { keys: document_.keys, fetched_at: fetchedAt.toISOString() });
      localStorage.setItem(STORED_KEYS, JSON.stringify(keySet));
      keyNote = "verify.keys_held";
    } catch (error) {
      keyNote = navigator.onLine ? "verify.keys_refresh_failed" : "verify.keys_offline";
    }
    render();
  }

  // --- decoding ----------------------------------------------------------------------------

  class Refused extends Error {
    constructor(reason, params = {}) {
      super(reason);
      this.reason = reason;
      this.params = params;
    }
  }

  function base64url(bytes) {
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64url(segment) {
    if (!SEGMENT.test(segment) || segment.length % 4 === 1) throw new Refused("malformed");
    const binary = atob(segment.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (segment.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    if (base64url(bytes) !== segment) throw new Refused("malformed"); // only the canonical spelling
    return bytes;
  }

  function fromBase45(text) {
    const values = Array.from(text, (c) => {
      const value = BASE45.indexOf(c);
      if (value < 0) throw new Refused("malformed");
      return value;
    });
    if (values.length % 3 === 1) throw new Refused("malformed");
    const out = [];
    for (let i = 0; i < values.length; i += 3) {
      if (i + 2 < values.length) {
        const n = values[i] + values[i + 1] * 45 + values[i + 2] * 2025;
        if (n > 0xffff) throw new Refused("malformed");
        out.push(n >> 8, n & 0xff);
      } else {
        const n = values[i] + values[i + 1] * 45;
        if (n > 0xff) throw new Refused("malformed");
        out.push(n);
      }
    }
    return new Uint8Array(out);
  }

  async function inflate(bytes) {
    try {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (error) {
      throw new Refused("malformed");
    }
  }

  async function parts(text) {
    // header bytes, claims bytes, signature bytes
    if (text.startsWith("CW1:")) {
      const raw = await inflate(fromBase45(text.slice(4)));
      const rest = raw.subarray(64);
      const newline = rest.indexOf(10);
      if (raw.length < 64 || newline < 0) throw new Refused("malformed");
      return [rest.subarray(0, newline), rest.subarray(newline + 1), raw.subarray(0, 64)];
    }
    const segments = text.split(".");
    if (segments.length !== 3) throw new Refused("malformed");
    return segments.map(fromBase64url);
  }

  function json(bytes, reason) {
    try {
      return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (error) {
      throw new Refused(reason, { detail: "JSON" });
    }
  }

  function checkClaims(claims) {
    if (claims === null || typeof claims !== "object" || Array.isArray(claims)) {
      throw new Refused("claims", { detail: "not an object" });
    }
    const format = FORMATS[claims.v];
    if (!format) throw new Refused("claims", { detail: `format ${claims.v}` });
    const missing = format.required.filter((name) => !(name in claims));
    const unknown = Object.keys(claims).filter((name) => !format.required.includes(name) && !format.optional.includes(name));
    if (missing.length) throw new Refused("claims", { detail: `missing ${missing.join(", ")}` });
    if (unknown.length) throw new Refused("claims", { detail: `unknown ${unknown.join(", ")}` });
    if (!Array.isArray(claims.legs) || !claims.legs.length) throw new Refused("claims", { detail: "legs" });
  }

  async function verify(text) {
    if (!crypto.subtle) throw new Refused("no_crypto");
    const [headerBytes, claimsBytes, signature] = await parts(text.trim());
    const header = json(headerBytes, "malformed");
    const names = Object.keys(header || {}).sort().join(",");
    if (names !== "alg,kid,typ" || header.alg !== "Ed25519" || header.typ !== "clearance+jws" ||
        !KEY_ID.test(header.kid) || signature.length !== 64) {
      throw new Refused("malformed");
    }
    const entry = keySet.keys.find((key) => key.key_id === header.kid && (!key.purpose || key.purpose === "decisions"));
    if (!entry) throw new Refused("unknown_key", { key_id: header.kid });
    if (entry.status === "revoked" || entry.revoked_at) {
      throw new Refused("revoked", { key_id: header.kid, date: entry.revoked_at ? shownTime(entry.revoked_at) : "" });
    }
    let key;
    try {
      key = await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: entry.jwk.x }, { name: "Ed25519" },
        false, ["verify"]);
    } catch (error) {
      throw new Refused("no_crypto");
    }
    const signed = new TextEncoder().encode(`${base64url(headerBytes)}.${base64url(claimsBytes)}`);
    if (!(await crypto.subtle.verify({ name: "Ed25519" }, key, signature, signed))) throw new Refused("bad_signature");
    const claims = json(claimsBytes, "claims");
    checkClaims(claims);
    if (claims.kid !== header.kid) throw new Refused("claims", { detail: "kid" });
    // The key is bound to its issuer: another country's (or organisation's) key proves nothing about this one.
    const owner = entry.country ? `${entry.organisation || "?"} (${entry.country})` : "?";
    if (!entry.country || claims.by.c !== entry.country || (entry.organisation && entry.organisation !== claims.by.n)) {
      throw new Refused("issuer", { claimed: `${claims.by.n} (${claims.by.c})`, owner });
    }
    if (entry.retired_at && new Date(claims.at) > new Date(entry.retired_at)) {
      throw new Refused("retired", { key_id: header.kid, date: shownTime(entry.retired_at) });
    }
    return { claims, key: entry };
  }

  // --- showing the outcome -----------------------------------------------------------------

  function verdict(kind, text) {
    const box = document.createElement("p");
    box.className = `verdict ${kind}`;
    box.textContent = text;
    return box;
  }

  function details(claims) {
    const list = document.createElement("dl");
    const add = (label, value) => {
      const term = document.createElement("dt");
      term.textContent = t(label);
      const description = document.createElement("dd");
      if (Array.isArray(value)) {
        for (const line of value) {
          const row = document.createElement("div");
          row.textContent = line;
          description.append(row);
        }
      } else {
        description.textContent = value;
      }
      list.append(term, description);
    };
    if (claims.no) add("verify.field.number", claims.no);
    add("verify.field.issuer", `${claims.by.n} (${claims.by.c})`);
    add("verify.field.issued_at", shownTime(claims.at));
    add("verify.field.request", t("verify.request", { reference: claims.ref, version: claims.ver }));
    add("verify.field.aircraft", t("verify.aircraft", { registration: claims.ac.reg, callsign: claims.ac.cs, type: claims.ac.t }));
    add("verify.field.legs", claims.legs.map((leg) => t("verify.leg", {
      origin: leg[0],
      destination: leg[1],
      departure: localTime(leg[2], leg[4]),
      arrival: localTime(leg[3], leg[5]),
    })));
    add("verify.field.passengers", String(claims.pax));
    const restrictions = claims.rx || { ex: [], c: "" };
    add("verify.field.excluded", restrictions.ex.length ? restrictions.ex.join(", ") : t("verify.none"));
    add("verify.field.conditions", restrictions.c || t("verify.none"));
    if (claims.rc && claims.rc.length) add("verify.field.reasons", claims.rc.join(", "));
    if (claims.vf && claims.vu) {
      add("verify.field.validity", t("verify.validity", { start: shownTime(claims.vf), end: shownTime(claims.vu) }));
    }
    add("verify.field.manifest_hash", claims.mh);
    add("verify.field.key", claims.kid);
    return list;
  }

  function showResult(result) {
    const region = document.getElementById("result");
    region.replaceChildren();
    if (result.refused) {
      region.append(verdict("refused", t(`verify.refused.${result.refused.reason}`, result.refused.params)));
      return;
    }
    const { claims, key } = result;
    const decision = claims.d || "approve";
    if (!GRANTS.includes(decision)) {
      region.append(verdict("refused", t("verify.refused.not_a_clearance", { decision: t(`verify.decision.${decision}`) })));
    } else {
      region.append(verdict("ok", t("verify.ok", { date: shownTime(keySet.fetched_at) })));
      const now = new Date();
      if (now < new Date(claims.vf)) region.append(verdict("warning", t("verify.not_yet_valid", { date: shownTime(claims.vf) })));
      if (now > new Date(claims.vu)) region.append(verdict("warning", t("verify.expired", { date: shownTime(claims.vu) })));
    }
    if (claims.dev || key.development) region.append(verdict("warning", t("verify.development")));
    region.append(details(claims));
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = t("verify.limits");
    region.append(note);
  }

  async function check(text) {
    try {
      lastResult = await verify(text);
    } catch (error) {
      lastResult = { refused: error instanceof Refused ? error : new Refused("malformed") };
    }
    showResult(lastResult);
  }

  // --- reading the QR code: the camera, or a photo ---------------------------------------------

  function decodeImage(source, width, height) {
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(source, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height);
    const found = window.jsQR(pixels.data, width, height, { inversionAttempts: "dontInvert" });
    return found ? found.data : null;
  }

  let stream = null;

  function stopCamera() {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    document.getElementById("camera").hidden = true;
    document.getElementById("scan").dataset.text = "verify.scan";
    render();
  }

  async function startCamera() {
    const video = document.getElementById("camera");
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (error) {
      lastResult = null;
      document.getElementById("result").replaceChildren(
        verdict("refused", t("verify.camera_error", { detail: error.name || String(error) })));
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    document.getElementById("scan").dataset.text = "verify.stop";
    render();
    const tick = () => {
      if (!stream) return;
      if (video.readyState >= video.HAVE_ENOUGH_DATA) {
        const text = decodeImage(video, video.videoWidth, video.videoHeight);
        if (text) {
          document.getElementById("token").value = text;
          stopCamera();
          check(text);
          return;
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  async function readPhoto(file) {
    const bitmap = await createImageBitmap(file);
    const text = decodeImage(bitmap, bitmap.width, bitmap.height);
    if (!text) {
      lastResult = null;
      document.getElementById("result").replaceChildren(verdict("refused", t("verify.no_qr")));
      return;
    }
    document.getElementById("token").value = text;
    check(text);
  }

  // --- wiring ------------------------------------------------------------------------------

  document.getElementById("language").addEventListener("click", () => {
    language = language === "es" ? "en" : "es";
    localStorage.setItem(STORED_LANGUAGE, language);
    render();
  });
  document.getElementById("paste").addEventListener("submit", (event) => {
    event.preventDefault();
    check(document.getElementById("token").value);
  });
  document.getElementById("scan").addEventListener("click", () => (stream ? stopCamera() : startCamera()));
  document.getElementById("photo").addEventListener("change", (event) => {
    if (event.target.files.length) readPhoto(event.target.files[0]);
  });
  window.addEventListener("online", refreshKeys);
  window.addEventListener("offline", () => {
    keyNote = "verify.keys_offline";
    render();
  });

  render();
  refreshKeys();
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/verify/sw.js", { scope: "/verify" });
})();
