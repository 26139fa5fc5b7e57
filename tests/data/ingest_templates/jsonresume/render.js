// Render one JSON Resume document with one theme: node render.js THEME resume.json out.html
// generate.py copies this file next to the installed themes, so bare imports resolve there.
const fs = require('fs');
const [theme, inFile, outFile] = process.argv.slice(2);
(async () => {
  let mod;
  try { mod = require(`jsonresume-theme-${theme}`); } catch (e) { mod = await import(`jsonresume-theme-${theme}`); }
  const render = mod.render || (mod.default && mod.default.render);
  const resume = JSON.parse(fs.readFileSync(inFile, 'utf8'));
  const html = await render(resume);
  fs.writeFileSync(outFile, html);
})().catch(e => { console.error(theme, e.message); process.exit(1); });
