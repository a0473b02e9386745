import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { verifyToken } from "./auth.ts"
import { secret } from "./testing.ts"
import { runTokenCommand } from "./token.ts"

describe("the token command", () => {
  it("prints a token the API accepts, with the role, councils and lifetime asked for", async () => {
    const outcome = await runTokenCommand(
      ["--role", "member", "--council", "fake-borough-a", "--council", "fake-borough-b", "--ttl", "30m"],
      secret
    )
    expect(outcome.exitCode).toBe(0)
    const token = outcome.stdout.trim()
    const verified = await verifyToken(secret, token)
    expect(Result.isSuccess(verified) && verified.success).toMatchObject({
      role: "member",
      councils: ["fake-borough-a", "fake-borough-b"],
      subject: "member@local"
    })
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
      iat: number
      exp: number
    }
    expect(claims.exp - claims.iat).toBe(30 * 60)
  })

  it("refuses an unknown role, a bad council id, a bad lifetime and a missing secret, saying which", async () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string | undefined, string]> = [
      [["--role", "king", "--council", "fake-borough-a"], secret, "--role must be one of"],
      [["--role", "officer", "--council", "Fake Borough"], secret, "--council must be a council id"],
      [["--role", "officer"], secret, "--council is required"],
      [["--role", "officer", "--council", "fake-borough-a", "--ttl", "forever"], secret, "--ttl must be a span"],
      [["--role", "officer", "--council", "fake-borough-a", "--colour", "red"], secret, "Unknown option '--colour'"],
      [["--role", "officer", "--council", "fake-borough-a"], undefined, "CPO_JWT_SECRET is not set"]
    ]
    for (const [args, key, message] of cases) {
      const outcome = await runTokenCommand(args, key)
      expect(outcome.exitCode, args.join(" ")).toBe(1)
      expect(outcome.stdout).toBe("")
      expect(outcome.stderr).toContain(message)
    }
  })

  it("is what the server entry answers to `token`, without opening the store", async () => {
    const main = fileURLToPath(new URL("./main.ts", import.meta.url))
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [main, "token", "--role", "officer", "--council", "fake-borough-a", "--ttl", "8h"],
      { env: { ...process.env, CPO_JWT_SECRET: secret, CPO_DATA_DIR: "/nonexistent/never-created" } }
    )
    const verified = await verifyToken(secret, stdout.trim())
    expect(Result.isSuccess(verified) && verified.success.role).toBe("officer")
  }, 60_000)
})
