/**
 * What a form that sends to the API keeps while it is used: the errors found in its fields before sending, whether a
 * request is on its way (its button is disabled meanwhile), and the API's reason when it refused what was sent.
 * `FormErrors` shows the field errors and the refusal at the top of the form.
 */
import { createSignal } from "solid-js"

/** Each field's error, by field id (what an error summary links to); empty when the form may be sent. */
export type FieldErrors = Readonly<Record<string, string>>

export const createSubmission = () => {
  const [fieldErrors, setFieldErrors] = createSignal<FieldErrors>({})
  const [refusal, setRefusal] = createSignal<string>()
  const [sending, setSending] = createSignal(false)
  return {
    fieldErrors,
    refusal,
    sending,
    /** A new attempt: the last refusal goes and the errors `found` in the fields are shown. */
    begin: (found: FieldErrors): void => {
      setRefusal(undefined)
      setFieldErrors(found)
    },
    /** Send `request`, then give its answer to `onSent`; if the API refuses, keep its reason. */
    send: <A>(request: () => Promise<A>, onSent: (answer: A) => void): void => {
      setSending(true)
      request()
        .then(onSent)
        .catch((cause: unknown) => setRefusal(cause instanceof Error ? cause.message : String(cause)))
        .finally(() => setSending(false))
    }
  }
}
