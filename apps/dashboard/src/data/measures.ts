/**
 * The council's local measures through the API (`GET …/measures?year=`): each measure as the scorecard publishes it
 * for the caller's audience — year to date, latest period, rolling twelve months, target, RAG, direction and trend —
 * and the ready-made measures not yet switched on; and recording one period's figure (`POST …/measures/values`,
 * officers and analysts).
 */
import * as LocalMeasure from "@cpo/domain/LocalMeasure"
import type * as MeasureValue from "@cpo/domain/MeasureValue"
import { Schema } from "effect"
import { getJson, sendJson } from "./api.ts"

const base = (council: string) => `/v1/councils/${encodeURIComponent(council)}/measures`

/** @category constructors */
export const fetchMeasures = (council: string, year: number): Promise<LocalMeasure.View> =>
  getJson(`${base(council)}?year=${year}`, LocalMeasure.View)

/** Record one period's figure. @category constructors */
export const recordFigure = (council: string, value: MeasureValue.Value): Promise<{ readonly recorded: number }> =>
  sendJson(`${base(council)}/values`, { values: [value] }, Schema.Struct({ recorded: Schema.Int }))
