import { HttpPostRequest, type HttpPostReply } from "../../core/rpc/http-post";

/*
 * Sends the large requests of renderer/platform/transport.ts (the recovery copy written every
 * second while the clerk types, saves): the body is encoded and copied here, not on the thread
 * that paints the keystrokes. The reply text goes back as it came.
 */
addEventListener("message", (event: MessageEvent<unknown>) => {
  const request = HttpPostRequest.safeParse(event.data);
  if (!request.success) {
    const id = (event.data as { id?: unknown } | null)?.id;
    const reply: HttpPostReply = { ok: false, id: typeof id === "number" ? id : null, message: request.error.message };
    postMessage(reply);
    return;
  }
  const { id, url, token, body } = request.data;
  fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-nianbao-token": token }, body })
    .then((response) => response.text())
    .then(
      (text) => postMessage({ ok: true, id, body: text } satisfies HttpPostReply),
      (error: unknown) =>
        postMessage({ ok: false, id, message: error instanceof Error ? error.message : String(error) } satisfies HttpPostReply),
    );
});
