/** Worker faults, retry, and storage quota (issue 7). */
export const FAULTS_STRINGS = {
  faultsWorkerCrashed: ['计算进程意外终止（可能内存不足）。已显示的结果和地图保持不变。', 'The analysis worker stopped unexpectedly (possibly out of memory). The results already shown and the map are unchanged.'],
  faultsRetry: ['重试', 'Retry'],
  faultsStorageFull: ['存储空间不足：本浏览器无法再保存项目，上一次保存的版本仍在。请导出项目文件保存到磁盘。', 'Storage full: this browser cannot save the project any more; the previous saved version is kept. Export the project to a file to keep it on disk.'],
  faultsExportProject: ['导出项目文件', 'Export project to a file'],
} satisfies Record<string, [string, string]>;
