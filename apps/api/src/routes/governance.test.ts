import { type Council, Governance } from "@cpo/domain"
import { Option, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilB, fakeBoard } from "../testing.ts"
import { seededApi } from "../testing-app.ts"

const { app } = seededApi()
const post = async (council: Council.CouncilId, path: string, body: unknown, role: "officer" | "member" = "officer") =>
  app().request(`/v1/councils/${council}/governance/${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { ...(await bearer(role, [council])), "content-type": "application/json" }
  })
const view = async (council: Council.CouncilId) =>
  (await (
    await app().request(`/v1/councils/${council}/governance?asOf=2018-03-31`, {
      headers: await bearer("officer", [council])
    })
  ).json()) as typeof Governance.View.Encoded

describe("governance editing", () => {
  it("records a meeting whose quorum the governance view then computes from attendance", async () => {
    const attendance = ["M1", "M2", "M3"].map((member) => ({ member, status: "present" }))
    const res = await post(councilB.id, "boards/fake-board/meetings", {
      on: "2018-03-01",
      attendance,
      agenda: ["Fake priority 1 update"]
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ id: "fake-board-2018-03-01", board: "fake-board", on: "2018-03-01" })
    const board = (await view(councilB.id)).boards.find((b) => b.board.id === "fake-board")
    const recorded = board?.meetings.find((m) => m.meeting.on === "2018-03-01")
    // Three of four core members present meets the 75 % quorum.
    expect(recorded?.quorate).toBe(true)
    const short = await post(councilB.id, "boards/fake-board/meetings", {
      on: "2018-03-15",
      attendance: [{ member: "M1", status: "present" }]
    })
    expect(short.status).toBe(201)
    const after = (await view(councilB.id)).boards.find((b) => b.board.id === "fake-board")
    expect(after?.meetings.find((m) => m.meeting.on === "2018-03-15")?.quorate).toBe(false)
  })

  it("saves a board with a new member and reporting duty, keeping its meetings; the path's council wins", async () => {
    const before = (await view(councilA.id)).boards.find((b) => b.board.id === "fake-board")
    const board = fakeBoard(councilB.id)
    const changed: Governance.Board = {
      ...board,
      members: [
        ...board.members,
        {
          id: "M5" as Governance.MemberId,
          name: "Fake member 5",
          role: "councillor",
          membership: "core",
          organisation: Option.none(),
          from: "2018-01-01" as never,
          until: Option.none()
        }
      ]
    }
    const res = await post(councilA.id, "boards", Schema.encodeSync(Governance.Board)(changed))
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ council: councilA.id })
    const after = (await view(councilA.id)).boards.find((b) => b.board.id === "fake-board")
    expect(after?.board.members.map((m) => m.id)).toEqual(["M1", "M2", "M3", "M4", "M5"])
    expect(after?.meetings.length).toBe(before?.meetings.length)
  })

  it("refuses an attendee who is not a member (422) and a board the council does not have (404)", async () => {
    const stranger = await post(councilA.id, "boards/fake-board/meetings", {
      on: "2018-03-02",
      attendance: [{ member: "NOBODY", status: "present" }]
    })
    expect(stranger.status).toBe(422)
    expect(await stranger.json()).toMatchObject({
      type: "urn:cpo:problem:attendee-not-a-member",
      errors: [{ in: "body", field: "attendance" }]
    })
    const missing = await post(councilA.id, "boards/no-such-board/meetings", { on: "2018-03-02", attendance: [] })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { type: string }).type).toBe("urn:cpo:problem:board-not-found")
  })

  it("answers 400 for a meeting without a day or with an unknown attendance status, and 403 for a member", async () => {
    const bad = await post(councilA.id, "boards/fake-board/meetings", {
      attendance: [{ member: "M1", status: "asleep" }]
    })
    expect(bad.status).toBe(400)
    const fields = ((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()
    expect(fields).toEqual(["attendance.0.status", "on"])
    const member = await post(councilA.id, "boards/fake-board/meetings", { on: "2018-03-03", attendance: [] }, "member")
    expect(member.status).toBe(403)
  })

  it("adds a member with the next id and ends another's term; the quorum then counts who serves on the day", async () => {
    const added = await post(councilB.id, "boards/fake-board/members", {
      name: "Fake member 5",
      role: "young_person",
      membership: "core",
      organisation: "Fake Children in Care Council",
      from: "2018-02-01"
    })
    expect(added.status).toBe(201)
    const board = (await added.json()) as typeof Governance.Board.Encoded
    expect(board.members.at(-1)).toEqual({
      id: "M5",
      name: "Fake member 5",
      role: "young_person",
      membership: "core",
      organisation: "Fake Children in Care Council",
      from: "2018-02-01",
      until: null
    })
    const ended = await post(councilB.id, "boards/fake-board/members/M4/term-end", { until: "2018-01-31" })
    expect(ended.status).toBe(200)
    const stored = (await view(councilB.id)).boards.find((b) => b.board.id === "fake-board")
    expect(stored?.board.members.find((m) => m.id === "M4")?.until).toBe("2018-01-31")
    expect(stored?.board.members.map((m) => m.id)).toEqual(["M1", "M2", "M3", "M4", "M5"])
    // On 10 March the core members serving are M1, M2, M3 and M5: three present of four meets 75 %.
    const meeting = await post(councilB.id, "boards/fake-board/meetings", {
      on: "2018-03-10",
      attendance: ["M1", "M2", "M3"].map((member) => ({ member, status: "present" }))
    })
    expect(meeting.status).toBe(201)
    const after = (await view(councilB.id)).boards.find((b) => b.board.id === "fake-board")
    const checks = after?.meetings.find((m) => m.meeting.on === "2018-03-10")?.checks
    expect(checks).toEqual([{ membership: "core", percent: 75, members: 4, present: 3, required: 3, met: true }])
  })

  it("refuses a term that ends before it begins, an unknown member and a member's request", async () => {
    const backwards = await post(councilA.id, "boards/fake-board/members", {
      name: "Fake member backwards",
      role: "councillor",
      membership: "core",
      from: "2018-02-01",
      until: "2018-01-01"
    })
    expect(backwards.status).toBe(400)
    expect(await backwards.json()).toMatchObject({ errors: [{ in: "body", field: "until" }] })
    const early = await post(councilA.id, "boards/fake-board/members/M1/term-end", { until: "2017-03-31" })
    expect(early.status).toBe(400)
    expect(await early.json()).toMatchObject({ errors: [{ in: "body", field: "until" }] })
    const nobody = await post(councilA.id, "boards/fake-board/members/NOBODY/term-end", { until: "2018-03-31" })
    expect(nobody.status).toBe(400)
    expect(await nobody.json()).toMatchObject({ errors: [{ in: "path", field: "member" }] })
    const noBoard = await post(councilA.id, "boards/no-such-board/members", {
      name: "Fake",
      role: "councillor",
      membership: "core",
      from: "2018-02-01"
    })
    expect(noBoard.status).toBe(404)
    const member = await post(councilA.id, "boards/fake-board/members/M1/term-end", { until: "2018-03-31" }, "member")
    expect(member.status).toBe(403)
  })
})
