/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cross-site scripting attempts an article body may hold, for every test
 * of a writer of HTML: each must come out inert, its text still readable. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;
  const char *body;
  const char *visible;  /* text a reader must still see, or NULL */
} Vector;

G_GNUC_UNUSED static const Vector vectors[] = {
  /* <script> in many spellings */
  { "script", "<script>alert(1)</script>", "<script>alert(1)</script>" },
  { "script-case", "<ScRiPt>alert(1)</sCrIpT>", "<ScRiPt>alert(1)</sCrIpT>" },
  { "script-space", "< script >alert(1)</ script >\n<script\n>alert(2)</script\n>", "alert(2)" },
  { "script-nested", "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>" },
  { "script-unclosed", "文字 <script src=//evil.example/x.js", "<script src=//evil.example/x.js" },
  { "script-slash", "<script/src=\"data:text/javascript,alert(1)\"></script>", "<script/src=" },
  /* style tags and attributes */
  { "style-tag", "<style>@import 'javascript:alert(1)'; "
                 "body{background:url(javascript:alert(1))}</style>",
    "body{background:url(javascript:alert(1))}" },
  { "style-attribute", "<div style=\"width:expression(alert(1));"
                       "background:url('javascript:alert(1)')\">盒子</div>",
    "width:expression(alert(1))" },
  /* event attributes, quoted and not */
  { "onerror", "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>" },
  { "onload", "<body onload=\"alert(1)\">", "<body onload=\"alert(1)\">" },
  { "onclick", "<a href='#' onclick='alert(1)'>点我</a>", "<a href='#' onclick='alert(1)'>点我</a>" },
  { "onmouseover", "文字 <span onmouseover=alert(1)>悬停</span> 文字",
    "<span onmouseover=alert(1)>悬停</span>" },
  /* SVG and MathML */
  { "svg-onload", "<svg onload=alert(1)>", "<svg onload=alert(1)>" },
  { "svg-script", "<svg><script>alert(1)</script></svg>", "<svg><script>alert(1)</script></svg>" },
  { "math", "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">"
            "数学</maction></math>",
    "xlink:href=\"javascript:alert(1)\">数学" },
  /* elements that load or submit */
  { "iframe", "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe src=\"javascript:alert(1)\"></iframe>" },
  { "iframe-srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\">",
    "<iframe srcdoc=\"<script>alert(1)</script>\">" },
  { "object-embed", "<object data=\"data:text/html,<script>alert(1)</script>\"></object>"
                    "<embed src=\"javascript:alert(1)\">",
    "<embed src=\"javascript:alert(1)\">" },
  { "form", "<form action=\"javascript:alert(1)\">"
            "<button formaction=javascript:alert(1)>提交</button></form>",
    "<button formaction=javascript:alert(1)>提交</button>" },
  { "meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">" },
  { "base-link", "<base href=\"javascript:alert(1)//\">"
                 "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "<link rel=stylesheet href=\"javascript:alert(1)\">" },
  /* Markdown links to URLs that run */
  { "link-javascript", "[点我一](javascript:alert(1))", "点我一" },
  { "link-mixed-case", "[点我二](JaVaScRiPt:alert(1))", "点我二" },
  { "link-tab-entity", "[点我三](java&#09;script:alert(1))", "点我三" },
  { "link-tab", "[点我四](<java\tscript:alert(1)>)", "点我四" },
  { "link-decimal-entity", "[点我五](&#106;avascript:alert(1))", "点我五" },
  { "link-percent", "[点我六](%6Aavascript:alert(1))", "点我六" },
  { "link-control", "[点我七](java\x01script:alert(1)) [点我八](\x01javascript:alert(1))", "点我七" },
  { "link-data-html", "[点我九](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "点我九" },
  { "link-data-svg", "[点我十](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "点我十" },
  { "link-vbscript", "[点我十一](vbscript:msgbox(1)) [点我十二](VBScript:msgbox(1))", "点我十一" },
  { "image-javascript", "![图一](javascript:alert(1))", "图一" },
  { "image-data-svg", "![图二](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "图二" },
  { "image-data-html", "![图三](data:text/html,<script>alert(1)</script>)", "图三" },
  { "autolink", "<javascript:alert(1)> <JAVASCRIPT:alert(2)>", "alert(1)" },
  { "autolink-data", "<data:text/html,alert(1)> <vbscript:msgbox(1)>", "alert(1)" },
  { "reference-link", "[点我十三][x]\n\n[x]: javascript:alert(1)", "点我十三" },
  { "reference-image", "![图四][y]\n\n[y]: data:text/html,alert(1) \"标题\"", "图四" },
  { "title-breakout", "[点我十四](https://example.com \"\\\" onmouseover=\\\"alert(1)\") "
                      "[点我十五](https://example.com '\\' onclick=\\'alert(1)')", "点我十五" },
  { "url-breakout", "[点我十六](https://example.com/\"onmouseover=\"alert(1)) "
                    "[点我十七](<https://example.com/\" onclick=\"alert(1)>)", "点我十六" },
  /* entities and escapes that decode to markup stay text */
  { "entity-named", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>" },
  { "entity-hex", "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;", "<script>alert(1)</script>" },
  { "entity-decimal", "&#60;img src=x onerror=alert(1)&#62;", "<img src=x onerror=alert(1)>" },
  { "entity-nul", "&#0;<script>alert(1)</script>", "<script>alert(1)</script>" },
  { "unicode-escape", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e ＜script＞alert(1)＜/script＞",
    "＜script＞alert(1)＜/script＞" },
  { "cdata", "<![CDATA[<script>alert(1)</script>]]>", "<![CDATA[<script>alert(1)</script>]]>" },
  { "comment", "<!-- --><script>alert(1)</script><!-- --> <!--<script>-->alert(2)",
    "<!-- --><script>alert(1)</script><!-- -->" },
  { "table", "| <img src=x onerror=alert(1)> | <a href=\"javascript:alert(1)\">链</a> |\n"
             "|---|---|\n"
             "| <script>alert(1)</script> | [点我十八](javascript:alert(1)) |",
    "<script>alert(1)</script>" },
  { "list", "- <svg onload=alert(1)>\n- [点我十九](vbscript:x)\n  1. <iframe src=javascript:alert(1)>",
    "<iframe src=javascript:alert(1)>" },
  { "heading-quote", "# <img src=x onerror=alert(1)>标题\n\n> <script>alert(1)</script>",
    "<img src=x onerror=alert(1)>标题" },
  { "code", "`<script>alert(1)</script>`\n\n```html\n<svg onload=alert(1)>\n```",
    "<svg onload=alert(1)>" },
  { "link-text", "[<img src=x onerror=alert(1)>](https://example.com)",
    "<img src=x onerror=alert(1)>" },
};

G_END_DECLS
