/**
 * The council's pledges and young people's voice through the API: each pledge with its status, last review with the
 * Children in Care Council and its evidence followed (`GET …/pledges`), any evidence that leads nowhere, the themes
 * young people raised for the caller's audience (`GET …/voice`), and recording a dated review of a pledge
 * (`POST …/pledges/:pledge/reviews`, officers and administrators).
 */
import * as Pledge from "@cpo/domain/Pledge"
import * as Voice from "@cpo/domain/Voice"
import { Schema } from "effect"
import { getJson, sendJson } from "./api.ts"

/** One pledge as the pledges page shows it. @category models */
export type PledgeRow = Pledge.View["pledges"][number]

/** The themes young people raised, as the voice part of the pledges page shows them. @category models */
export type VoiceView = Voice.View

const base = (council: string) => `/v1/councils/${encodeURIComponent(council)}`

/** @category constructors */
export const fetchPledges = (council: string, asOf: string): Promise<Pledge.View> =>
  getJson(`${base(council)}/pledges?asOf=${encodeURIComponent(asOf)}`, Pledge.View)

/** @category constructors */
export const fetchVoice = (council: string): Promise<VoiceView> => getJson(`${base(council)}/voice`, Voice.View)

/** Record a dated review of a pledge. @category constructors */
export const reviewPledge = (council: string, pledge: string, review: Pledge.Review): Promise<Pledge.Pledge> =>
  sendJson(
    `${base(council)}/pledges/${encodeURIComponent(pledge)}/reviews`,
    Schema.encodeSync(Pledge.Review)(review),
    Pledge.Pledge
  )
