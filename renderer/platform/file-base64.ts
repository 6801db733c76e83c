import { NianbaoError } from "../../core/errors/nianbao-error";

/** A file the clerk dropped or chose, as base64 for an upload to the host. */
export async function fileBase64(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new NianbaoError("io_error", `无法读取所选文件 ${file.name}。`, "cannot read the file"));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(",") + 1);
}
