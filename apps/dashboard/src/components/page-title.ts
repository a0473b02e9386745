/**
 * Keeps `document.title` saying which page this is, so screen-reader users and browser history can tell pages apart
 * (WCAG 2.4.2).
 */
import { createEffect } from "solid-js"

const service = "Corporate Parenting Oversight"

export const usePageTitle = (title: () => string | undefined): void =>
  createEffect(() => {
    const page = title()
    document.title = page === undefined ? service : `${page} – ${service}`
  })
