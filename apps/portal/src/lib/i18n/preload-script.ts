import type { Locale } from './locales';

/**
 * The inline script index.html runs before the app's own: it works out the language the app
 * will start in, as `readStoredPrefs` does (the stored choice, else the browser's languages as
 * `localeForLanguages` reads them), and announces that language's chunks (messages, antd's and
 * dayjs's locale) so they download beside the entry, and the other languages' not at all.
 * It runs as written, in any browser: plain ES5, no imports (see preload-script.spec.ts).
 */
export function preloadLanguageScript(files: Record<Locale, readonly string[]>): string {
  return `(function(){var f=${JSON.stringify(files)},l;try{l=localStorage.getItem('civicgrid.locale')}catch(e){}
if(!Object.prototype.hasOwnProperty.call(f,l)){l='en';var n=navigator.languages&&navigator.languages.length?navigator.languages:navigator.language?[navigator.language]:[];
for(var i=0;i<n.length;i++){var t=String(n[i]).trim().replace(/_/g,'-');if(/^zh-(tw|hk|mo|hant)\\b/i.test(t)){l='zh-TW';break}if(/^zh\\b/i.test(t)){l='zh-CN';break}if(/^en\\b/i.test(t)){l='en';break}}}
for(var j=0;j<f[l].length;j++){var k=document.createElement('link');k.rel='modulepreload';k.crossOrigin='';k.href=f[l][j];document.head.appendChild(k)}})();`;
}
