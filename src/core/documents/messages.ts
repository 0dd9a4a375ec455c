/**
 * Why a stored document was refused, in both UI languages. One small table so the words can
 * move to a shared message catalogue as they are; `code` and `params` stay stable.
 */
import type { LocalizedText } from '../manifest';

export type DocumentProblemCode = 'document.newer-version' | 'document.invalid';

/** What the templates are filled with; `title` is the document's name in each language. */
export interface DocumentProblemParams {
  titleZh: string;
  titleEn: string;
  /** The schema version found in storage. */
  storedVersion: number;
  /** The newest schema version this app reads. */
  knownVersion: number;
}

const TEMPLATES: Record<DocumentProblemCode, { zh: (p: DocumentProblemParams) => string; en: (p: DocumentProblemParams) => string }> = {
  'document.newer-version': {
    zh: (p) => `本项目的「${p.titleZh}」由更新版本的安居保存（数据版本 ${p.storedVersion}，本程序最高读取版本 ${p.knownVersion}）。它已原样保留，本程序不会读取或覆盖它，在此所作的修改不会保存。请将安居更新到最新版本（刷新页面或重新安装）后再打开本项目。`,
    en: (p) => `This project's ${p.titleEn} was saved by a newer Anju (data version ${p.storedVersion}; this Anju reads up to version ${p.knownVersion}). It is kept as it is: this Anju will not read or overwrite it, and changes made here are not saved. Update Anju to the latest version (reload the page or reinstall it), then open the project again.`,
  },
  'document.invalid': {
    zh: (p) => `本项目保存的「${p.titleZh}」内容无法识别。它已原样保留、不会被覆盖，在此所作的修改不会保存。请导出项目文件，连同问题说明交给技术支持。`,
    en: (p) => `This project's saved ${p.titleEn} cannot be read. It is kept as it is and will not be overwritten; changes made here are not saved. Export the project file and send it, with a note of what happened, to technical support.`,
  },
};

/**
 * A refused document: a stable code, the message in both languages and, for support, what
 * exactly was wrong (`detail`: a path into the value, never shown as the message).
 */
export interface DocumentProblem {
  code: DocumentProblemCode;
  params: DocumentProblemParams;
  message: LocalizedText;
  detail?: string;
}

/** The problem for `code`, with its message filled in. */
export function documentProblem(code: DocumentProblemCode, params: DocumentProblemParams, detail?: string): DocumentProblem {
  const t = TEMPLATES[code];
  return { code, params, message: { zh: t.zh(params), en: t.en(params) }, ...(detail === undefined ? {} : { detail }) };
}
