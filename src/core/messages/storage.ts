import type { MessageTable } from './types';

/**
 * Wording of storage problems: a project file (`.anju`) that cannot be imported, and a
 * project that cannot be kept in this browser. `entry` is the zip entry of the project file
 * and `path` the place in its JSON, both as the file holds them.
 */

const EXPORT_AGAIN = {
  zh: '请在原来的电脑上重新「导出项目文件」，再导入新文件。',
  en: 'Export the project file again on the original computer and import the new file.',
};
const AGAIN = {
  zh: `文件可能在复制或下载时损坏：${EXPORT_AGAIN.zh}`,
  en: `It may have been damaged while copied or downloaded. ${EXPORT_AGAIN.en}`,
};

const notAnju = {
  zh: (detail: string) => `这个 zip 文件不是 Anju 项目文件（${detail}）。请选择在 Anju 中用「导出项目文件」保存的 .anju 文件（要导入图层数据，请用「导入数据」）。`,
  en: (detail: string) => `This zip file is not an Anju project file (${detail}). Choose a .anju file saved with “Export project file” in Anju (to bring in layer data, use “Import data”).`,
};

/** A damaged project file: `what` says what is wrong with the entry. */
const damaged = {
  zh: (entry: string | number | undefined, what: string) => `项目文件已损坏：其中的「${entry}」${what}。${AGAIN.zh}`,
  en: (entry: string | number | undefined, what: string) => `The project file is damaged: its entry “${entry}” ${what}. ${AGAIN.en}`,
};

export const storageMessages = {
  // A project that cannot be opened: `file` is the file or project named, `detail` the reason given.
  'project.fetch-failed': {
    zh: (p) => `无法读取文件 ${p.file}（${p.detail}）。请检查文件是否存在；如果是示范县数据，请运行 npm run data:demo 重新生成。`,
    en: (p) => `Could not read ${p.file} (${p.detail}). Check that the file exists; for the demo county, run npm run data:demo to regenerate it.`,
  },
  'project.manifest-invalid': {
    zh: (p) => `项目清单 ${p.file} 不是有效的 JSON（${p.detail}）。请修正该文件或重新导出项目。`,
    en: (p) => `The project manifest ${p.file} is not valid JSON (${p.detail}). Fix the file or export the project again.`,
  },
  'project.file-unreadable': {
    zh: (p) => `文件 ${p.file} 无法读取：${p.detail}`,
    en: (p) => `The file ${p.file} could not be read: ${p.detail}`,
  },
  'project.missing': {
    zh: (p) => `项目 ${p.file} 已不在本浏览器中（可能已在其他标签页删除）。`,
    en: (p) => `The project ${p.file} is no longer in this browser (deleted in another tab?).`,
  },
  // A document kept with the project (register, suitability models, scenarios) that this app
  // will not read; `titleZh`/`titleEn` name it, the versions are its data versions.
  'document.newer-version': {
    zh: (p) => `本项目的「${p.titleZh}」由更新版本的安居保存（数据版本 ${p.storedVersion}，本程序最高读取版本 ${p.knownVersion}）。它已原样保留，本程序不会读取或覆盖它，在此所作的修改不会保存。请将安居更新到最新版本（刷新页面或重新安装）后再打开本项目。`,
    en: (p) => `This project's ${p.titleEn} was saved by a newer Anju (data version ${p.storedVersion}; this Anju reads up to version ${p.knownVersion}). It is kept as it is: this Anju will not read or overwrite it, and changes made here are not saved. Update Anju to the latest version (reload the page or reinstall it), then open the project again.`,
  },
  'document.invalid': {
    zh: (p) => `本项目保存的「${p.titleZh}」内容无法识别。它已原样保留、不会被覆盖，在此所作的修改不会保存。请导出项目文件，连同问题说明交给技术支持。`,
    en: (p) => `This project's saved ${p.titleEn} cannot be read. It is kept as it is and will not be overwritten; changes made here are not saved. Export the project file and send it, with a note of what happened, to technical support.`,
  },
  'storage.not-zip': {
    zh: () => '这不是 Anju 项目文件：它不是 zip 格式。请选择在 Anju 中用「导出项目文件」保存的 .anju 文件（要导入图层数据，请用「导入数据」）。',
    en: () => 'This is not an Anju project file: it is not a zip archive. Choose a .anju file saved with “Export project file” in Anju (to bring in layer data, use “Import data”).',
  },
  'storage.no-project-entry': {
    zh: (p) => notAnju.zh(`其中没有 ${p.entry}`),
    en: (p) => notAnju.en(`it holds no ${p.entry}`),
  },
  'storage.not-a-project': {
    zh: (p) => notAnju.zh(`${p.entry} 不是项目描述`),
    en: (p) => notAnju.en(`${p.entry} does not describe a project`),
  },
  'storage.wrong-format': {
    zh: (p) => notAnju.zh(`格式为“${p.format}”，应为“${p.expected}”`),
    en: (p) => notAnju.en(`its format is “${p.format}”, not “${p.expected}”`),
  },
  'storage.newer-version': {
    zh: (p) => `这个项目文件由更新版本的 Anju（${p.madeBy}）创建，文件格式版本为 ${p.fileVersion}，而本程序（${p.appVersion}）最高只能读取版本 ${p.readsUpTo}。请将 Anju 更新到最新版本（刷新页面或重新安装）后再导入。`,
    en: (p) => `This project file was made by a newer Anju (${p.madeBy}) in file format version ${p.fileVersion}; this Anju (${p.appVersion}) reads up to version ${p.readsUpTo}. Update Anju to the latest version (reload the page or reinstall it), then import the file again.`,
  },
  'storage.unreadable-zip': {
    zh: () => `项目文件已损坏：无法读取它的 zip 目录，文件可能不完整（下载或复制没有完成）。${EXPORT_AGAIN.zh}`,
    en: () => `The project file is damaged: its zip directory cannot be read, so the file may be incomplete (a download or copy that did not finish). ${EXPORT_AGAIN.en}`,
  },
  'storage.entry-undecompressable': {
    zh: (p) => damaged.zh(p.entry, '无法解压'),
    en: (p) => damaged.en(p.entry, 'cannot be decompressed'),
  },
  'storage.entry-missing': {
    zh: (p) => damaged.zh(p.entry, `缺失（${p.path} 的数据）`),
    en: (p) => damaged.en(p.entry, `is missing (the data of ${p.path})`),
  },
  'storage.entry-size': {
    zh: (p) => damaged.zh(p.entry, `不完整（${p.path} 应为 ${p.expected} 字节，实际 ${p.actual} 字节）`),
    en: (p) => damaged.en(p.entry, `has the wrong size (${p.path} should be ${p.expected} bytes, it is ${p.actual})`),
  },
  'storage.entry-checksum': {
    zh: (p) => damaged.zh(p.entry, `校验和不符（${p.path} 的数据已改变）`),
    en: (p) => damaged.en(p.entry, `fails its checksum (the data of ${p.path} changed)`),
  },
  'storage.entry-json': {
    zh: (p) => damaged.zh(p.entry, `不是有效的 JSON（${p.detail}）`),
    en: (p) => damaged.en(p.entry, `is not valid JSON (${p.detail})`),
  },
  // `expected` is the format's own description of the value ("a list", "a Float64Array").
  'storage.entry-invalid': {
    zh: (p) => damaged.zh(p.entry, `内容无效（${p.path} 应为 ${p.expected}）`),
    en: (p) => damaged.en(p.entry, `is invalid (${p.path} should be ${p.expected})`),
  },
  // `reason` is one of the refusals above, already in each language.
  'storage.project-file-refused': {
    zh: (p) => `无法导入“${p.file}”：${p.reasonZh}`,
    en: (p) => `Cannot import “${p.file}”: ${p.reasonEn}`,
  },
  'storage.file-unreadable': {
    zh: (p) => `读取失败（${p.detail}）。请重新选择文件再试。`,
    en: (p) => `it could not be read (${p.detail}). Choose the file again and retry.`,
  },
  'storage.full': {
    zh: (p) => `项目文件无法保存到本浏览器（${p.detail}）。可能是存储空间不足：请删除不用的项目或释放磁盘空间后重试。`,
    en: (p) => `The project file could not be stored in this browser (${p.detail}). Storage may be full: delete projects you no longer need or free disk space, then try again.`,
  },
} satisfies MessageTable;
