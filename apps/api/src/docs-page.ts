/**
 * The interactive docs at `/docs`: one self-contained page (no CDN, works offline) that reads `/openapi.json`, lists
 * every operation with its parameters and schemas, and sends a request with the values, token or API key entered.
 */
export const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cpo API docs</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1b; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin: 0; }
  section { border: 1px solid #b1b4b6; border-radius: 4px; margin: 1rem 0; padding: .75rem 1rem; }
  .method { font-family: monospace; font-weight: bold; text-transform: uppercase; margin-right: .5rem; }
  code, pre { font-family: ui-monospace, monospace; font-size: .9rem; }
  pre { background: #f3f2f1; padding: .75rem; overflow: auto; max-height: 24rem; }
  label { display: block; margin: .25rem 0; } input { font: inherit; padding: .2rem .4rem; }
  button { font: inherit; padding: .3rem .9rem; margin-top: .5rem; }
  details { margin-top: .5rem; }
</style>
</head>
<body>
<main>
<h1>cpo API</h1>
<p id="about">Loading <a href="/openapi.json">/openapi.json</a>…</p>
<label>Bearer token <input id="token" type="password" autocomplete="off" size="50"></label>
<label>or API key <input id="apikey" type="password" autocomplete="off" size="50"></label>
<label>Purpose (X-Cpo-Purpose) <input id="purpose" size="50"></label>
<div id="operations"></div>
</main>
<script type="module">
const spec = await (await fetch("/openapi.json")).json()
document.getElementById("about").textContent = spec.info.description
const root = document.getElementById("operations")
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children)
  return node
}
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    const inputs = (op.parameters ?? []).map((p) => {
      const input = el("input", { name: p.name, required: p.required, placeholder: p.schema?.examples?.[0] ?? "" })
      input.dataset.in = p.in
      return el("label", {}, p.name + (p.required ? " (required) " : " ") + "[" + p.in + "] ", input)
    })
    const file = op.requestBody?.content?.["multipart/form-data"] ? el("input", { type: "file", multiple: true, name: "files" }) : null
    const out = el("pre", { hidden: true })
    const form = el("form", {}, ...inputs, ...(file ? [el("label", {}, "903 files ", file)] : []), el("button", { type: "submit" }, "Send"))
    form.addEventListener("submit", async (event) => {
      event.preventDefault()
      let url = path
      const query = new URLSearchParams()
      for (const input of form.querySelectorAll("input[data-in]")) {
        if (input.value === "") continue
        if (input.dataset.in === "path") url = url.replace("{" + input.name + "}", encodeURIComponent(input.value))
        else query.append(input.name, input.value)
      }
      const headers = {}
      const token = document.getElementById("token").value, key = document.getElementById("apikey").value
      const purpose = document.getElementById("purpose").value
      if (token) headers.authorization = "Bearer " + token
      else if (key) headers["x-api-key"] = key
      if (purpose) headers["x-cpo-purpose"] = purpose
      let body
      if (file) { body = new FormData(); for (const f of file.files) body.append("files", f) }
      const res = await fetch(url + (query.size ? "?" + query : ""), { method: method.toUpperCase(), headers, body })
      const text = await res.text()
      out.hidden = false
      out.textContent = res.status + " " + res.statusText + "\\n" + (() => { try { return JSON.stringify(JSON.parse(text), null, 2) } catch { return text } })()
    })
    root.append(el("section", {},
      el("h2", {}, el("span", { className: "method" }, method), el("code", {}, path)),
      el("p", {}, op.summary + " " + (op.description ?? "")),
      form,
      el("details", {}, el("summary", {}, "Responses"), el("pre", {}, JSON.stringify(op.responses, null, 2))),
      out))
  }
}
</script>
</body>
</html>
`
