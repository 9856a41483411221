import { afterEach, describe, expect, it, vi } from "vitest";
import { callApi } from "./api";

type Sent = { path: string; headers: Record<string, string>; cache?: RequestCache };

/** A stand-in for the network (not for callApi): answers in turn, and remembers what was sent. */
function network(...answers: Response[]) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string, init: RequestInit) => {
      sent.push({ path, headers: init.headers as Record<string, string>, cache: init.cache });
      return answers.shift()!;
    }),
  );
  return sent;
}

const json = (body: unknown, etag: string) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json", ETag: etag } });

describe("revalidated GETs", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("send the kept ETag, give back the kept answer on 304, and keep the new one on 200", async () => {
    const sent = network(json({ items: [1] }, 'W/"a"'), new Response(null, { status: 304, headers: { ETag: 'W/"a"' } }), json({ items: [2] }, 'W/"b"'));
    const path = "/api/me/action-items?pageSize=7";

    const first = await callApi<{ items: number[] }>("GET", path, undefined, { revalidate: true });
    const second = await callApi<{ items: number[] }>("GET", path, undefined, { revalidate: true });
    const third = await callApi<{ items: number[] }>("GET", path, undefined, { revalidate: true });

    expect(sent[0].headers["If-None-Match"]).toBeUndefined();
    expect(sent[0].cache).toBe("no-store");
    expect(sent[1].headers["If-None-Match"]).toBe('W/"a"');
    expect(second.status).toBe(200);
    expect(second.data).toBe(first.data); // the same object: a pane that sets it again does not re-render
    expect(sent[2].headers["If-None-Match"]).toBe('W/"a"');
    expect(third.data.items).toEqual([2]);
    expect(third.etag).toBe('W/"b"');
  });

  it("are not conditional unless asked to be", async () => {
    const sent = network(json({ n: 1 }, '"1"'), json({ n: 1 }, '"1"'));
    await callApi("GET", "/api/action-items/x");
    await callApi("GET", "/api/action-items/x");
    expect(sent.map((s) => s.headers["If-None-Match"])).toEqual([undefined, undefined]);
    expect(sent[1].cache).toBeUndefined();
  });
});
