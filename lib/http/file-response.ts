// The answer of every file download route (roster and complaint exports, the complaint reports):
// the file as an attachment under its name, never cached.

export interface DownloadFile {
  filename: string;
  contentType: string;
  body: Uint8Array | ReadableStream<Uint8Array>;
}

export function fileResponse(file: DownloadFile): Response {
  return new Response(file.body as BodyInit, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
}
