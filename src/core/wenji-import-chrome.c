/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The line rules shared by HTML pages and text files saved from them: which
 * lines are a byline (wenji-import-byline.c reads them), which are page
 * furniture (contact and copyright lines, share buttons, navigation,
 * picture captions), which close the article (（完）, 【纠错】, 相关阅读),
 * and which are the article. A line is only removed when it matches a rule,
 * so a plain text file keeps every line it has.
 *
 * A line is a byline when its dates, fields, credits and counters are most
 * of it; a sentence that merely mentions a date or a source keeps its words
 * and stays in the article.
 */
#include "config.h"

#include <string.h>

#include "wenji-article.h"
#include "wenji-import-private.h"

/* Bylines and furniture are short; a longer line is article text unless it
 * is a copyright notice or a contact line. */
#define MAX_FIELDS_CHARS 120
#define MAX_FURNITURE_CHARS 40
#define MAX_END_CHARS 60
#define MAX_CAPTION_CHARS 120
#define MAX_CONTACT_CHARS 200
#define MAX_LEFT_OVER_CHARS 4

/* What an editor's note or a summary before an article is called. */
#define PREFACE_WORDS "(?:编者按|編者按|内容摘要|內容摘要|内容提要|內容提要|核心提示|导读|導讀|导语|導語)"

typedef struct {
  GRegex *contact;
  GRegex *copyright;
  GRegex *furniture;
  GRegex *end;
  GRegex *caption;
  GRegex *promotion;
  GRegex *advert;
  GRegex *references;
  GRegex *original_title;
  GRegex *breadcrumb;
  GRegex *site;
  GRegex *wire_title;
  GRegex *boxed;
  GRegex *trailer;
  GRegex *qr_code;
  GRegex *preface;
  GRegex *lone_key;
  GRegex *month_line;
  GRegex *noted;
  GRegex *spaced_name;
  GRegex *report_credit;
  GRegex *day_lead;
  GRegex *thanks;
  GRegex *contributors;
} Rules;

static gpointer
compile_rules (gpointer data)
{
  Rules *rules = g_new0 (Rules, 1);

  /* A contact key with a number or address right after it: `客服電話:025-86163400`,
   * not `移动电话用户达5.1亿户`. */
  rules->contact = wenji_import_rule ("(?:电话|電話|客服|热线|熱線|邮箱|郵箱|投稿|联系方式|聯繫方式|聯系方式|传真|傳真|电邮|電郵|"
                                      "(?i:e-?mail)|"
                                      "(?<![A-Za-z])QQ(?![A-Za-z]))[^\\d\\n]{0,8}?(?:\\d{3,4}-\\d{7"
                                      ",8}|(?<!\\d)1[3-9]\\d{9}(?!\\d)|"
                                      "(?<!\\d)\\d{4} \\d{4}(?!\\d)|"
                                      "[A-Za-z0-9._-]+@[A-Za-z0-9-]+\\.[A-Za-z.]+|"
                                      "(?<!\\d)[1-9]\\d{4,10}(?!\\d))|"
                                      "^[A-Za-z0-9._-]+@[A-Za-z0-9-]+\\.[A-Za-z.]+$");
  rules->copyright = wenji_import_rule ("版权所有|版權所有|版权声明|版權聲明|版权及免责|版權及免責|免责声明|免責聲明|(?i:copyright)|"
                                        "©|(?i:all rights reserved)|ICP备|ICP證|ICP证|公网安备|公網安備|不得转载|"
                                        "不得轉載|违者必究|違者必究|未经授权|未經授權|未经书面授权|未經書面授權|请勿转载|請勿轉載|"
                                        "转载.{0,8}?请注明|轉載.{0,8}?請註明|转载请(?:微信|后台)?联系|"
                                        /* `…登载此文出于传递更多信息之目的，并不意味着赞同其观点`. */
                                        "出于传递更多信息之目的|出於傳遞更多信息之目的|并不意味着赞同其观点|"
                                        /* `* 以上只是作者个人言论，不代表本网观点`. */
                                        "不代表本(?:网|網|站|报|報|台)(?:观点|觀點|立场|立場)|"
                                        "並不意味著贊同其觀點|"
                                        "轉載請(?:微信|後台)?聯繫|请勿用于(?:任何)?商业用途|請勿用於(?:任何)?商業用途|"
                                        "^(?:特别声明|特別聲明|郑重声明|鄭重聲明|声明|聲明)[:：︰]|"
                                        /* A licence to copy: `本作品采用《CC 协议》，转载必须注明作者`,
                                         * `本文采用知识共享署名 4.0 国际许可协议进行许可`. */
                                        "转载必须注明|轉載必須註明|转载前请务必署名|轉載前請務必署名|"
                                        "(?:本文|本作品|本站|本博客|文章).{0,20}?(?:知识共享|知識共享|"
                                        "(?i:creative commons)|许可协议|許可協議|《CC\\s*(?:协议|協議)》)|"
                                        /* A notice to a reader's old browser. */
                                        "浏览器版本过低|瀏覽器版本過低|(?:升级|升級|更换|更換)(?:您的)?(?:浏览器|瀏覽器)");
  rules->furniture = wenji_import_rule ("分享到|分享至|扫一扫|掃一掃|二维码|二維碼|打印本页|打印本頁|列印本頁|【打印】|关闭窗口|關閉窗口|"
                                        "返回顶部|返回頂部|上一篇|下一篇|上一页|下一页|上一頁|下一頁|第\\d+页/共\\d+页|本文首发于|"
                                        "已被(?:阅读|閱讀)\\s*\\d+\\s*次|统一刊号|統一刊號|邮发代号|郵發代號|"
                                        "(?:请点这里|請點這裡|请点击这里|請點擊這裡)$|"
                                        "^更多(?:讨论|討論|内容|內容|精彩|详情|詳情)[，,]?\\s*(?:请|請)?"
                                        "(?:查看|关注|關注|访问|訪問)|"
                                        "本文首發於|当前位置|當前位置|您的位置|您现在的位置|"
                                        "(?:字号|字號|字体|字體|字級)\\s*[:：︰]|【字|网友评论|網友評論|发表评论|發表評論|"
                                        "我要评论|我要評論|收藏本文|加入收藏|点击排行|點擊排行|微信公众号|微信公眾號|关注我们|關注我們|点击蓝字|"
                                        "點擊藍字|点击上方|點擊上方|长按识别|長按識別|阅读原文|閱讀原文|请继续往下阅读|請繼續往下閱讀|"
                                        "下载.{0,10}(?i:app)|下載.{0,10}(?i:app)|(?i:app)看新闻|"
                                        "(?:下载|下載).{0,10}(?:应用程序|應用程式|客户端|客戶端)|"
                                        "(?:追蹤|讚好|赞好).{0,12}(?:Twitter|Facebook|臉書|粉絲)|"
                                        "(?:Plurk|噗浪).{0,4}追蹤|"
                                        "^(?:设置|設置|操作|复制|複製|收藏|订阅|訂閱|提交|保存)成功$|"
                                        /* A video's link with its length: `觀看影片 07:12`. */
                                        "^(?:觀看影片|观看影片|觀看視頻|观看视频|播放影片|播放视频|播放視頻)\\s*"
                                        "\\d{1,2}:\\d{2}(?::\\d{2})?$|"
                                        /* A widget still loading when the page was saved, and
                                         * a post's rating: `(38 人打了分，平均分： 4.13 )`. */
                                        "^(?:(?i:loading)|加载中|加載中|载入中|載入中)\\s*(?:…|\\.{3})?$|"
                                        "\\d+\\s*人打了分|\\d+\\s*(?i:votes?), (?i:average)|"
                                        "^(?:倍速|高清|超清|标清|標清|流畅|流暢|蓝光|藍光|直播|静音|靜音|"
                                        "全屏|画中画|畫中畫|重播|\\d\\.\\d{1,2}[Xx倍])$|收起$|"
                                        "追蹤更多|追踪更多|"
                                        "(?:Twitter|Facebook|臉書|LINE)\\s*追蹤|"
                                        "播放速度|每日新闻信|每日新聞信|订阅新闻信|訂閱電子報|"
                                        "(?i:app)看新聞|隐私权|隱私權|聽新聞|听新闻|语音播报|語音播報|(?i:play video)|"
                                        "正在为您切换|正在為您切換|请稍候|請稍候|粉絲團|粉丝团|"
                                        "飲酒過量|饮酒过量|請勿飲酒|请勿饮酒|"
                                        "(?i:(?<![a-z])app)$|^(?:打印|列印|转寄|轉寄|关闭|關閉|返回|分享|收藏|纠错|糾錯|"
                                        "举报|舉報|评论|評論|点赞|點讚|在看|大字|小字|字大|字小|[大中小]|[\\s|"
                                        "｜【】\\[\\]:：])+$");
  rules->references = wenji_import_rule ("^[\\[［]1[\\]］]");
  /* A call to get the app, follow an account or write to one, with its
   * link or its name (`公众号： java程序猿技术`):
   * `立即下載經濟日報App：https://bit.ly/…`, `訂閱Telegram最新優惠情報：https://…`. */
  rules->promotion = wenji_import_rule ("(?:下载|下載|订阅|訂閱|加入|追蹤|追踪|關注|关注).{0,60}[:：︰]\\s*"
                                        "(?i:https?://)\\S+$|"
                                        "^(?:微信)?(?:公众号|公眾號)\\s*[:：︰]\\s*\\S.{0,20}$|"
                                        /* `97973手游网微信号：m97973，最好玩的手游资讯。`,
                                         * `…粉丝福利扫描二维码关注（sinaent）`. */
                                        "^\\S{2,16}(?:微信号|微信號|微信|公众号|公眾號)\\s*[:：︰]\\s*"
                                        "[A-Za-z0-9_-]{3,24}(?![A-Za-z0-9_-])|"
                                        "(?:扫描|掃描)(?:二维码|二維碼)(?:关注|關注)|(?:扫码|掃碼)(?:关注|關注)|"
                                        /* The original's address under a translation. */
                                        "^原文\\s*[:：︰]\\s*(?i:https?://)\\S+$|"

                                        /* An account to write to: `教程交流： xhd825`. */
                                        "^" HAN "{0,6}(?:交流|咨询|諮詢|合作|联系|聯繫|加群)\\s*[:：︰]\\s*"
                                        "[A-Za-z0-9_-]{4,24}$");
  /* What closes an article: the lines after it are furniture too. */
  /* A research firm's advertisement closing a report it lent its figures
   * to: `更多数据请参考前瞻产业研究院《…分析报告》`. */
  rules->advert = wenji_import_rule ("更多(?:数据|數據|资料|資料|内容|內容)?(?:请|請)(?:参考|參考|参阅|參閱)"
                                     ".{0,30}《[^》]{2,60}(?:报告|報告)》");
  rules->end = wenji_import_rule ("^[(（【\\[]\\s*(?:完|全文完|END|end|终|終)\\s*[)）】\\]]$|"
                                  /* A related article's link with its date:
                                   * `·★股市36计…（2001-07-05 09:37AM）`. */
                                  "^[·•]\\s*\\S.{2,60}[(（]\\s*\\d{2,4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}"
                                  "[^()（）]{0,12}[)）]$|"
                                  "^[-—–=\\s]*(?:END|End)[-—–=\\s]*$|^【?(?:纠错|糾錯)】?|"
                                  /* The page's own address under the text. */
                                  "^(?:本文|原文|文章)(?:地址|链接|鏈接)\\s*[:：︰]|"
                                  /* A profile box after the text: `細川護熙小檔案`. */
                                  "^.{2,12}(?:小檔案|小档案)$|"
                                  /* A pointer to more, with its link: `拓展阅读：…`. */
                                  "^(?:拓展阅读|拓展閱讀|扩展阅读|擴展閱讀|延伸阅读|延伸閱讀)\\s*[:：︰]|"
                                  "^[【\\[※●■◆★☆]?\\s*(?:相关阅读|相關閱讀|相关报道|相關報導|相关新闻|相關新聞|"
                                  "相关链接|相關鏈接|相关文章|相關文章|"
                                  "推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门推荐|熱門推薦|热门点阅|熱門點閱|猜你喜欢|猜你喜歡|精彩推荐|精彩推薦|"
                                  "为您推荐|為您推薦|编辑推荐|編輯推薦|热点新闻|熱點新聞|更多精彩|往期回顾|往期回顧|往期推荐|往期推薦|你可能还想看|"
                                  "你可能還想看|你可能也喜欢|你可能也喜歡|看更多|更多新闻|更多新聞|推荐文章|推薦文章|相关推荐|相關推薦|"
                                  "更多报道|更多報導|热门新闻|熱門新聞|相关热门推荐|相關熱門推薦)[】\\]]?[:：︰]?$|返回搜狐|还想看更多新闻|"
                                  "還想看更多新聞|已过查询时效|已過查詢時效|^(?:参考文献|參考文獻)[:：︰]?$|"
                                  /* The hotline box Taiwan's papers print under a suicide. */
                                  "安心專線|安心专线|生命線協談|生命线协谈|自殺防治|自杀防治|珍惜生命|張老師專線|"
                                  "^生命線|^生命线|給自己一?次?機會|给自己一?次?机会|自殺諮詢專線|自杀咨询专线|"
                                  /* The print edition it ran in: `《人民日报》（2024年05月10日 04 版）`. */
                                  "^[(（]?《[^》]{2,14}》\\s*[(（]?\\s*(?:19|20)\\d{2}\\s*年"
                                  "\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:第?\\s*\\d{1,3}\\s*版)?"
                                  "\\s*[)）]?\\s*$|"
                                  /* A compilation's sources: `素材来源 江苏13个设区市党报`. */
                                  "^(?:素材来源|素材來源)|本文通告引用|(?i:trackback)|"
                                  "^更多.{0,30}(?:请关注|請關注)\\s*(?:www\\.|(?i:https?://))|"
                                  /* The staff of the page: `编辑 周褶褶 ｜ 排版 魏蔚`, `审 读：崔向升`, `译者/和风`. */
                                  "^(?:(?:责任编辑|責任編輯|编辑|編輯|排版|审\\s*读|審\\s*讀|校\\s*对|校\\s*對|"
                                  "审\\s*核|審\\s*核|美\\s*编|美\\s*編|监\\s*制|監\\s*製|统\\s*筹|統\\s*籌|"
                                  "策\\s*划|策\\s*劃|视\\s*觉|視\\s*覺|终\\s*审|終\\s*審|译者|譯者|"
                                  "翻\\s*译|翻\\s*譯|编\\s*译|編\\s*譯)\\s*[:：/／]?\\s*"
                                  "[" HAN_RANGES "·]{2,4}\\s*[｜|/／、]?\\s*){1,6}$");
  /* A picture's caption or credit: `▲警消到場…（圖／翻攝畫面）`, `…（資料照）`,
   * `新华社记者 李梦馨 摄`, `中新社发 AEG 摄`, `中央社記者張新偉攝 112年2月16日`. */
  rules->caption = wenji_import_rule ("^[▲▼△]|^(?:图为|圖為|图：|圖：|图/|圖／|资料图|資料圖|图片：|圖片：)|"
                                      /* `…捐献造血干细胞。 本文图片均为全椒县新闻科提供`. */
                                      "(?:本文|文中)?(?:图片|圖片)均?(?:为|為|由)[^，。,]{2,20}提供$|"
                                      "^[\\[【(（]?(?:图片说明|圖片說明)\\d*\\s*[:：︰]|[(（]\\s*(?:(?:图|圖|照片|"
                                      "相片|图片|圖片|影像)(?:源|来源|來源)?\\s*[／/:：來来]|资料照|資料照|资料图|"
                                      "資料圖|取自|翻攝|翻摄|截图|截圖|"
                                      "[^()（）]{0,20}?(?:提供|供图|供圖|攝影?|摄影?))[^()（）]{0,30}[)）]$|"
                                      "(?:记者|記者|[\\s。，]|社|社发|社發)\\s*"
                                      "(?:" HAN "{2,4}|"
                                      "[A-Z][A-Za-z.]*(?:\\s[A-Z][A-Za-z.]*){0,2})\\s*"
                                      "[/／]?\\s*(?:摄|攝)$|"
                                      "(?:供图|供圖|資料照片|资料照片)$|"
                                      /* `…將改為今日出發。（港台圖片）` */
                                      "[(（]\\s*[^()（）\\s]{0,6}?(?:图片|圖片|照片|相片)\\s*[)）]$|"
                                      "(?:攝|摄|傳真|传真)\\s*\\d{2,3}年\\d{1,2}月\\d{1,2}日$|"
                                      /* A caption in brackets, its photographer last:
                                       * `(9月26日上午，媒体团来到…华声在线记者 徐行 摄)`. */
                                      "^[(（][^()（）]{4,}(?:记者|記者)\\s*" HAN "{2,4}\\s*(?:摄|攝)"
                                      "\\s*[)）]$");
  rules->original_title = wenji_import_rule ("^[(（]?\\s*(?:原标题|原標題|原题|原題|"
                                             "源标题)\\s*[:：︰]\\s*(.+?)\\s*[)）]?$");
  rules->breadcrumb = wenji_import_rule ("^(?:网站首页|網站首頁|首页|首頁)|(?:首页|首頁)\\s*(?:>|＞|»|›|/)");
  rules->site = wenji_import_rule ("(" HAN "{2,10}?(?:网|網|报|報|台|在线|在線|门户|門戶|新闻|新聞))(?=\\s*(?:版权|版權|"
                                   "客服|免责|免責|声明|聲明|热线|熱線))|(?:感谢您浏览|感謝您瀏覽|欢迎访问|"
                                   "歡迎訪問|欢迎光临|歡迎光臨)(" HAN "{2,12}?(?:网|網|报|報|台|站))|"
                                   "(" HAN "{2,8}?)(?:股份有限公司|有限公司|公司)\\s*(?:版权所有|版權所有)|"
                                   /* `版权所有 江苏扬子晚报有限公司` */
                                   "(?:版权所有|版權所有)\\s*[:：©]?\\s*(?:(?:19|20)\\d{2}\\s*)?(" HAN
                                   "{2,12}?)(?:股份有限公司|有限责任公司|有限責任公司|有限公司)");
  /* An agency's dateline before a feature's title: `新华社北京5月9日电 题：…`. */
  rules->wire_title = wenji_import_rule ("^" HAN "{2,12}?(?:\\d{1,2}月)?\\d{1,2}日(?:专?电|"
                                         "專?電)\\s*(?:题|題)\\s*[:：︰]|"
                                         /* A dateline on its own: `TNW中文站 10月14日报道`. */
                                         "^[A-Za-z0-9" HAN_RANGES "·]{2,16}\\s*"
                                         "(?:\\d{1,2}月)?\\d{1,2}日(?:电|電|讯|訊|报道|報導|消息)[:：︰]?$");
  /* Credits in brackets, a line of their own: `（本文来源：经济日报 作者：…）`. */
  rules->boxed = wenji_import_rule ("^[(（【\\[]\\s*(?:本文来源|文章来源|来源|來源|稿源|作者|责任编辑|責任編輯|编辑|編輯|记者|記者|"
                                    "通讯员|通訊員)\\s*[:：︰].*[)）】\\]]$");
  rules->noted = wenji_import_rule ("^【[^】]{1,12}[:：﹕][^】]{1,30}】$|"
                                   /* A court case's number under its report. */
                                   "^(?:案件編號|案件编号|案件號碼|案號|案号)\\s*[:：︰﹕]\\s*"
                                   "[A-Z]{2,6}\\s*\\d+/\\d+$");
  /* A box before the article that tells what it is about. */
  rules->lone_key = wenji_import_rule ("^(?:作者|记者|記者|责任编辑|責任編輯|编辑|編輯|来源|來源|稿源|"
                                      "供稿单位|供稿單位|出处|出處|撰稿|撰文|摄影|攝影|通讯员|通訊員)"
                                      "\\s*[:：︰]$");
  rules->preface = wenji_import_rule ("^(?:[【\\[]?" PREFACE_WORDS "[】\\]]?\\s*[:：︰]|"
                                      "[【\\[]" PREFACE_WORDS "[】\\]])");
  /* A document's month on a line of its own under its issuers, before its
   * text: `（2023年5月）`. */
  rules->month_line = wenji_import_rule ("^[(（]?\\s*(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月"
                                         "\\s*[)）]?$");
  /* A picture of a QR code, to follow an account. */
  rules->qr_code = wenji_import_rule ("二维码|二維碼|(?i:qr-?code|[/_-]qr[._-])");
  /* A link to the portal, run on to an article's last words. */
  /* A name set with a space to line up with longer ones: `赵 培`, `王 小明`;
   * a surname alone names nobody. */
  rules->spaced_name = wenji_import_rule ("(?<![" HAN_RANGES "])(" HAN ")[ \\x{3000}]+(?=" HAN
                                          "{1,2}(?![" HAN_RANGES "]))");
  /* A report's credit on a line of its own: `楊舒媚／台北報導`, `【聯合新聞網／綜合報導】`. */
  rules->report_credit = wenji_import_rule ("^[【〔\\[(（]?\\s*(?:記者|记者)?\\s*[" HAN_RANGES "、 ]{2,16}"
                                            "\\s*[／/╱]\\s*" HAN "{0,8}(?:報導|报道)\\s*[】〕\\])）]?$");
  /* A news brief's first words, its day: `4月2日至4日，`, `2005年3月30日，`. */
  rules->day_lead = wenji_import_rule ("^(?:(?:19|20)\\d{2}年)?\\d{1,2}月\\d{1,2}日");
  /* Thanks under a feature, `感谢郭张隽、孙书傲为本文提供的帮助`, and the
   * note that names are changed, `文中林影为化名`. */
  rules->thanks = wenji_import_rule ("^(?:特别|特別)?(?:感谢|感謝|鸣谢|鳴謝|致谢|致謝).{1,80}(?:帮助|幫助|"
                                     "支持|协助|協助|指导|指導)[。！!]?$|"
                                     "^[(（【]?[^。]{0,20}(?:为|為|系|是)化名[。]?[)）】]?$");
  /* Who else reported, under the text: `帕特里克•麦吉(Patrick McGee)法兰克福补充报道`. */
  /* Who else reported, and who the writer is: `（本文作者介绍：东北财经大学
   * 经济研究中心主任…）`, under the text. */
  rules->contributors = wenji_import_rule ("(?:补充报道|補充報導|亦有贡献|亦有貢獻)[。.]?$|"
                                           /* `（本文部分内容根据国家博物馆等相关报道）`. */
                                           "^[(（]\\s*本文(?:部分)?(?:内容|內容)?(?:根据|根據|参考|參考|综合|綜合)|"
                                           /* `（本文节选自《【高访】钱永刚：…》，查看原文请点击…）`. */
                                           "^[(（]\\s*本文(?:节选|節選|摘编|摘編|摘选|摘選|选|選|转载|轉載)自|"
                                           "^[(（]\\s*(?:本文)?作者(?:介绍|介紹|简介|簡介)\\s*[:：︰]");
  rules->trailer = wenji_import_rule ("\\s*(?:返回搜狐，?查看更多|返回搜狐)$");

  return rules;
}

static Rules *
get_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_rules, NULL);
}

/* @name without the province it starts with, when what is left is still a
 * paper's name: `江苏扬子晚报` is 扬子晚报, `浙江日报` stays. */
static const char *
without_province (const char *name)
{
  const char *rest = name != NULL ? name + wenji_import_province_prefix (name) : NULL;

  if (rest != NULL && rest != name && g_utf8_strlen (rest, -1) >= 4 &&
      (g_str_has_suffix (rest, "报") || g_str_has_suffix (rest, "報")))
    return rest;

  return name;
}

/**
 * wenji_import_note_site:
 * @line: a furniture line, such as `江蘇蘇訊網客服:025-86163400`
 * @fields: where to keep the site's name
 *
 * Remembers the site's own name when a contact or copyright line gives it.
 */
void
wenji_import_note_site (const char        *line,
                        WenjiImportFields *fields)
{
  g_autoptr (GMatchInfo) match = NULL;

  if (fields->site != NULL || !g_regex_match (get_rules ()->site, line, 0, &match))
    return;

  for (int group = 1; group <= 4 && fields->site == NULL; group++) {
    g_autofree char *name = g_match_info_fetch (match, group);
    const char *start = name;

    /* The words before a name: `所有内容为中国西藏新闻网版权所有`. */
    for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
      if (g_str_has_prefix (p, "为") || g_str_has_prefix (p, "為") || g_str_has_prefix (p, "归") ||
          g_str_has_prefix (p, "歸"))
        start = g_utf8_next_char (p);
    /* A paper's company under its province's name: `江苏扬子晚报有限公司`. */
    if (group == 4)
      start = without_province (start);
    if (start != NULL && g_utf8_strlen (start, -1) >= 2)
      fields->site = g_strdup (start);
  }
}

/**
 * wenji_import_is_caption:
 * @line: one line of text
 *
 * Returns: whether @line reads as a picture's caption or credit
 */
gboolean
wenji_import_is_caption (const char *line)
{
  return g_utf8_strlen (line, -1) <= MAX_CAPTION_CHARS &&
         g_regex_match (get_rules ()->caption, line, 0, NULL);
}

/* Whether @line is furniture, and which kind. */
static gboolean
is_chrome (const char          *line,
           glong                chars,
           WenjiImportLineKind *kind)
{
  Rules *rules = get_rules ();
  g_autofree char *head = NULL;

  if (chars <= MAX_CONTACT_CHARS && g_regex_match (rules->contact, line, 0, NULL)) {
    *kind = WENJI_IMPORT_LINE_CHROME;
    return TRUE;
  }

  /* A copyright notice starts with it, or is short. */
  head = chars > 80 ? g_utf8_substring (line, 0, 30) : NULL;
  if (g_regex_match (rules->copyright, head ? head : line, 0, NULL)) {
    *kind = WENJI_IMPORT_LINE_CHROME;
    return TRUE;
  }

  /* The first of a list of references, however long: `[1] Poeppel, D.,
   * Emmorey, K. (2012). Towards a New Neurobiology of Language…`. */
  if ((chars <= MAX_END_CHARS && g_regex_match (rules->end, line, 0, NULL)) ||
      (chars <= MAX_CONTACT_CHARS && g_regex_match (rules->references, line, 0, NULL)) ||
      (chars <= MAX_CONTACT_CHARS && g_regex_match (rules->advert, line, 0, NULL)) ||
      (chars <= MAX_CAPTION_CHARS && g_regex_match (rules->contributors, line, 0, NULL))) {
    *kind = WENJI_IMPORT_LINE_END;
    return TRUE;
  }
  if (chars <= MAX_FURNITURE_CHARS &&
      (g_regex_match (rules->furniture, line, 0, NULL) ||
       g_regex_match (rules->breadcrumb, line, 0, NULL))) {
    *kind = WENJI_IMPORT_LINE_CHROME;
    return TRUE;
  }
  if (chars <= MAX_CAPTION_CHARS && g_regex_match (rules->promotion, line, 0, NULL)) {
    *kind = WENJI_IMPORT_LINE_CHROME;
    return TRUE;
  }
  if (wenji_import_is_caption (line)) {
    *kind = WENJI_IMPORT_LINE_CAPTION;
    return TRUE;
  }

  return FALSE;
}

/**
 * wenji_import_classify_line:
 * @line: one line of text, stripped
 * @fields: filled with what a byline says
 *
 * Returns: whether @line is article text, a byline, furniture, the end of
 *   the article or a caption
 */
WenjiImportLineKind
wenji_import_classify_line (const char        *line,
                            WenjiImportFields *fields)
{
  Rules *rules = get_rules ();
  glong chars = g_utf8_strlen (line, -1);
  g_autofree char *rest = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  WenjiImportFields found = { 0 };
  WenjiImportLineKind kind;
  guint n_found = 0;
  glong left;

  if (is_chrome (line, chars, &kind)) {
    /* `（本文来源：经济日报）返回搜狐，查看更多` ends the article and names its
     * source; `2012年07月11日21:38 来源：中国新闻网 我要评论` is a byline with a
     * button, when it holds two fields or more. */
    if ((kind == WENJI_IMPORT_LINE_END || kind == WENJI_IMPORT_LINE_CHROME) &&
        chars <= MAX_FIELDS_CHARS && wenji_import_may_be_byline (line)) {
      g_free (wenji_import_read_byline (line, &found, &n_found));
      if (kind == WENJI_IMPORT_LINE_END || n_found < 2) {
        memset (&found.published, 0, sizeof found.published);
        memset (&found.updated, 0, sizeof found.updated);
      }
      if (kind == WENJI_IMPORT_LINE_END || n_found >= 2)
        wenji_import_keep_fields (fields, &found);
      wenji_import_fields_clear (&found);
    }
    return kind;
  }

  if (g_regex_match (rules->wire_title, line, 0, NULL))
    return WENJI_IMPORT_LINE_FIELDS;
  if (chars <= MAX_FIELDS_CHARS && g_regex_match (rules->boxed, line, 0, NULL)) {
    g_free (wenji_import_read_byline (line, &found, &n_found));
    wenji_import_keep_fields (fields, &found);
    return WENJI_IMPORT_LINE_FIELDS;
  }
  /* Any other note in brackets with a key: `【案件編號﹕DCCC1072/11】`. */
  if (chars <= MAX_FURNITURE_CHARS && g_regex_match (rules->noted, line, 0, NULL))
    return WENJI_IMPORT_LINE_CHROME;

  if (chars > MAX_FIELDS_CHARS)
    return WENJI_IMPORT_LINE_BODY;

  if (g_regex_match (rules->original_title, line, 0, &match)) {
    if (fields->original_title == NULL)
      fields->original_title = g_match_info_fetch (match, 1);
    return WENJI_IMPORT_LINE_FIELDS;
  }

  /* Most lines hold no field at all: skip the costly part. */
  if (!wenji_import_may_be_byline (line))
    return WENJI_IMPORT_LINE_BODY;

  /* A date of another article: `最新推荐文章于 2024-05-07 22:12:13 发布`. */
  if ((strstr (line, "推荐文章") != NULL || strstr (line, "推薦文章") != NULL) &&
      chars <= MAX_FURNITURE_CHARS && strpbrk (line, "0123456789") != NULL)
    return WENJI_IMPORT_LINE_CHROME;

  rest = wenji_import_read_byline (line, &found, &n_found);
  /* What is left may be the site's name (`报纸网 |发布: 2021-1-29 13:18`), or
   * a widget's words beside two fields or more (`来源：中新网 参与互动`). */
  left = g_utf8_strlen (rest, -1);
  if (n_found == 0 ||
      (left > MAX_LEFT_OVER_CHARS && !(n_found >= 2 && left <= 2 * MAX_LEFT_OVER_CHARS) &&
       (left > 12 || !wenji_import_is_site_name (rest, NULL)))) {
    wenji_import_fields_clear (&found);
    return WENJI_IMPORT_LINE_BODY;
  }

  /* Only now that the line is a byline do its fields count. */
  wenji_import_keep_fields (fields, &found);

  return WENJI_IMPORT_LINE_FIELDS;
}

/* Whether @line is nothing but a date. */
static gboolean
is_bare_date (const char *line)
{
  WenjiImportDate date;
  int start, end;
  g_autofree char *rest = NULL;

  if (!wenji_import_date_scan (line, &date, &start, &end))
    return FALSE;
  rest = g_strconcat ("", line + end, NULL);

  return start == 0 && *g_strstrip (rest) == '\0';
}

static gboolean
has_han (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

/* Whether @text stops short of a sentence's end: no full stop in it, and
 * none of `。！？…` or a closing quote after it. */
static gboolean
is_unfinished (const char *text)
{
  static const char * const ends[] = { "。", "！", "？", "…", "”", "」", "』", "）", ")", "!", "?", "." };

  if (g_utf8_strlen (text, -1) > 60 || strstr (text, "。") != NULL || g_str_has_prefix (text, "!["))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (g_str_has_suffix (text, ends[i]))
      return FALSE;

  return TRUE;
}

/* The characters of the lines from @from on: what an end marker would cut. */
static gsize
length_after (GPtrArray *lines,
              guint      from)
{
  gsize bytes = 0;

  for (guint i = from; i < lines->len; i++)
    bytes += strlen (lines->pdata[i]);

  return bytes;
}

/**
 * wenji_import_read_credits:
 * @line: a line after an article, or outside it
 * @fields: where its credits go
 *
 * Reads a byline for its editor, source and writer, never its date: after
 * an article, a date is a related article's, unless the line is the
 * post's signature (`posted @ 2024-05-09 14:45 好看的hk`).
 */
void
wenji_import_read_credits (const char        *line,
                           WenjiImportFields *fields)
{
  g_auto (WenjiImportFields) found = { 0 };
  WenjiImportLineKind kind = wenji_import_classify_line (line, &found);

  if (kind != WENJI_IMPORT_LINE_FIELDS && kind != WENJI_IMPORT_LINE_END)
    return;
  if (kind == WENJI_IMPORT_LINE_FIELDS && wenji_import_is_signature (line)) {
    wenji_import_keep_fields (fields, &found);
    return;
  }
  memset (&found.published, 0, sizeof found.published);
  memset (&found.updated, 0, sizeof found.updated);
  wenji_import_keep_fields (fields, &found);
}

/* Whether @paragraph could be a story's headline: short, and no sentence. */
static gboolean
is_headline (const char *paragraph)
{
  return g_utf8_strlen (paragraph, -1) <= 30 && !strstr (paragraph, "。") &&
         !strstr (paragraph, "，") && !g_str_has_prefix (paragraph, "![");
}

/* Whether @text is a whole sentence the page's description holds near
 * its start: the lead, though the writer says it again later. */
static gboolean
is_described_lead (const char *text,
                   const char *description)
{
  g_autofree char *key = NULL;
  g_autofree char *described = NULL;
  const char *at;

  if (description == NULL || !(g_str_has_suffix (text, "。") || g_str_has_suffix (text, "！") ||
                               g_str_has_suffix (text, "？")))
    return FALSE;
  key = wenji_import_title_key (text);
  described = wenji_import_title_key (description);
  at = key != NULL && described != NULL ? strstr (described, key) : NULL;

  return at != NULL && g_utf8_pointer_to_offset (described, at) <= 40;
}

/* A summary box or a pull quote before an article repeats one of its
 * paragraphs, or a part of one: it goes, unless it is the lead the
 * page's description starts with. */
static void
drop_repeated (GPtrArray  *paragraphs,
               const char *description)
{
  for (guint i = 0; i < MIN (paragraphs->len, 3);) {
    const char *text = paragraphs->pdata[i];
    gboolean repeated = FALSE;

    /* A sentence, not a headline of the items that follow it; a lead a
     * longer paragraph recalls is no summary of it. */
    if (g_utf8_strlen (text, -1) >= 10 && (strstr (text, "，") || strstr (text, "。")))
      for (guint k = i + 1; k < paragraphs->len && !repeated; k++)
        repeated = strstr (paragraphs->pdata[k], text) != NULL &&
                   !(strlen (paragraphs->pdata[k]) >= 2 * strlen (text) &&
                     is_described_lead (text, description));
    if (repeated)
      g_ptr_array_remove_index (paragraphs, i);
    else
      i++;
  }
}

/**
 * wenji_import_filter_lines:
 * @given: (element-type utf8): stripped, non-empty lines
 * @fields: filled from the bylines
 *
 * Drops bylines, captions and page furniture, and takes a closing author
 * credit off the article's last words. Once the article has begun, a line
 * that closes it (（完）, 【纠错】, a 责任编辑 line, 相关阅读) ends it, unless
 * more text follows than came before. A date on its own line after the
 * article has started (the signature of a notice) stays in the article.
 *
 * Returns: (transfer full) (element-type utf8): the lines of the article
 */
static gboolean
ends_with_colon (const char *line)
{
  return g_str_has_suffix (line, "：") || g_str_has_suffix (line, ":") ||
         g_str_has_suffix (line, "︰");
}

/* The lines, with a credit's key that stands on a line of its own, as in
 * a table of labels and values, joined to the value on the next line:
 * `供稿单位：`, `科学技术发展研究院`. */
static GPtrArray *
join_keys_to_values (GPtrArray *lines)
{
  GPtrArray *joined = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++) {
    const char *line = lines->pdata[i];
    const char *next = i + 1 < lines->len ? lines->pdata[i + 1] : NULL;

    if (next != NULL && ends_with_colon (line) && g_utf8_strlen (next, -1) <= 30 &&
        g_regex_match (get_rules ()->lone_key, line, 0, NULL) &&
        !g_regex_match (get_rules ()->lone_key, next, 0, NULL)) {
      g_ptr_array_add (joined, g_strconcat (line, next, NULL));
      i++;
      continue;
    }
    g_ptr_array_add (joined, g_strdup (line));
  }

  return joined;
}

GPtrArray *
wenji_import_filter_lines (GPtrArray         *given,
                           WenjiImportFields *fields)
{
  g_autoptr (GPtrArray) lines = join_keys_to_values (given);
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  gboolean in_body = FALSE, ended = FALSE;
  guint credited_line = G_MAXUINT;
  gsize kept_bytes = 0;

  for (guint i = 0; i < lines->len; i++) {
    /* `返回搜狐，查看更多`, a link run on to the last words. */
    gboolean trailed = g_str_has_suffix (lines->pdata[i], "返回搜狐") ||
                       g_str_has_suffix (lines->pdata[i], "查看更多");
    g_autofree char *line = trailed ? g_regex_replace_literal (get_rules ()->trailer,
                                                               lines->pdata[i], -1, 0, "", 0,
                                                               NULL) : NULL;
    gboolean had_editor = fields->editor != NULL;
    gboolean had_author, credited, named_before;
    g_autofree char *writer = NULL;
    WenjiImportLineKind kind;
    gboolean closes;
    char *paragraph;

    trailed = trailed && line != NULL && strcmp (line, lines->pdata[i]) != 0;
    if (line == NULL)
      line = g_strdup (lines->pdata[i]);
    /* A picture the page's body holds stays where it is, but not a QR
     * code to follow an account. */
    if (!ended && g_str_has_prefix (line, "![") && g_str_has_suffix (line, ")") &&
        strstr (line, "](") != NULL) {
      if (!g_regex_match (get_rules ()->qr_code, line, 0, NULL))
        g_ptr_array_add (kept, g_steal_pointer (&line));
      continue;
    }
    /* After the article, only its credits count: `责任编辑：孙重远`. */
    if (ended) {
      wenji_import_read_credits (line, fields);
      continue;
    }
    /* An editor's note or a summary before the article is not its text. */
    if (!in_body && (g_regex_match (get_rules ()->preface, line, 0, NULL) ||
                     g_regex_match (get_rules ()->month_line, line, 0, NULL)))
      continue;
    /* A second story on the same page: its headline, then its own report
     * credit, `楊舒媚／台北報導`. */
    if (in_body && kept->len >= 3 && is_headline (kept->pdata[kept->len - 1]) &&
        g_regex_match (get_rules ()->report_credit, line, 0, NULL) &&
        length_after (lines, i + 1) < kept_bytes) {
      kept_bytes -= strlen (kept->pdata[kept->len - 1]);
      g_ptr_array_remove_index (kept, kept->len - 1);
      ended = TRUE;
      continue;
    }
    /* A second story under its headline, opening with its own dateline:
     * `链接`, `林依轮借演出寻美食`, then `信息时报讯（记者谢奕娟）除主演…`. */
    if (in_body && kept->len >= 3 && is_headline (kept->pdata[kept->len - 1]) &&
        wenji_import_opens_report (line) && length_after (lines, i) < kept_bytes) {
      for (guint n = 0; n < 3 && kept->len > 1 && is_headline (kept->pdata[kept->len - 1]); n++) {
        kept_bytes -= strlen (kept->pdata[kept->len - 1]);
        g_ptr_array_remove_index (kept, kept->len - 1);
      }
      ended = TRUE;
      continue;
    }
    /* A credit on a line of its own inside the article names the writer
     * of the part above it, besides the one known: `文/记者 高嘉阳` under the
     * report, `文/记者 冯祎` under the box that follows it. */
    if (in_body && g_strcmp0 (fields->author, fields->editor) != 0)
      writer = g_steal_pointer (&fields->author);
    had_author = fields->author != NULL;
    kind = wenji_import_classify_line (line, fields);
    credited = fields->author != NULL && !had_author;
    if (writer != NULL) {
      g_autofree char *named = g_steal_pointer (&fields->author);

      fields->author = g_steal_pointer (&writer);
      if (kind == WENJI_IMPORT_LINE_FIELDS)
        wenji_import_add_writers (fields, named);
    }

    /* The end of the article: what follows is furniture too, however
     * long, where the mark comes right after a reporters' closing credit
     * (`…（张立军 吴 浩）`, `来源：中国国防报`, `[相关新闻]`, another story). */
    if (in_body && (kind == WENJI_IMPORT_LINE_END ||
                    (trailed && kind != WENJI_IMPORT_LINE_BODY) ||
                    (kind == WENJI_IMPORT_LINE_FIELDS && !had_editor && fields->editor != NULL)) &&
        (length_after (lines, i + 1) < kept_bytes ||
         (kind == WENJI_IMPORT_LINE_END && credited_line != G_MAXUINT &&
          i <= credited_line + 2))) {
      ended = TRUE;
      continue;
    }

    if (kind == WENJI_IMPORT_LINE_CHROME || kind == WENJI_IMPORT_LINE_END ||
        kind == WENJI_IMPORT_LINE_CAPTION) {
      wenji_import_note_site (line, fields);
      continue;
    }
    if (kind == WENJI_IMPORT_LINE_FIELDS && !(in_body && is_bare_date (line))) {
      /* A deck above the reporter's credit, no sentence of its own:
       * `…李扬说，宏观政策应该相对稳定，但是改革一定要加快`, then `本报记者罗科
       * 苏盈发自北京`, then the text. */
      if (credited && kept->len == 1 && is_unfinished (kept->pdata[0]) &&
          length_after (lines, i + 1) > 4 * kept_bytes) {
        kept_bytes = 0;
        g_ptr_array_remove_index (kept, 0);
        in_body = FALSE;
      }
      continue;
    }
    /* Before the article, a short line without a Chinese character is a
     * player's or a widget's: `Play Video`, `0:00`; anywhere, one without
     * a letter: `+1`, `33`. */
    if ((!in_body && g_utf8_strlen (line, -1) <= 20 && !has_han (line)) ||
        (g_utf8_strlen (line, -1) <= 10 && !wenji_import_has_letter (line)))
      continue;

    named_before = fields->author != NULL;
    paragraph = wenji_import_take_credit (line, fields, &closes);
    if (*paragraph == '\0') {
      g_free (paragraph);
      continue;
    }
    /* A second story under its headline, one paragraph that opens on its
     * day and closes on its reporter's credit, after an article that named
     * nobody: `中小投资项目创业洽谈会后天开`, then `4月2日至4日，由…获得信息
     * 交流。(信报记者 蔡雪婧)`. The credit is the brief's. */
    if (closes && in_body && !named_before && fields->author != NULL && kept->len >= 3 &&
        is_headline (kept->pdata[kept->len - 1]) &&
        g_regex_match (get_rules ()->day_lead, paragraph, 0, NULL) &&
        3 * strlen (paragraph) < kept_bytes && length_after (lines, i + 1) < kept_bytes) {
      g_clear_pointer (&fields->author, g_free);
      kept_bytes -= strlen (kept->pdata[kept->len - 1]);
      g_ptr_array_remove_index (kept, kept->len - 1);
      g_free (paragraph);
      ended = TRUE;
      continue;
    }
    if (kept->len < 3)
      wenji_import_take_dateline (paragraph, fields);
    if (g_utf8_strlen (paragraph, -1) >= 30)
      in_body = TRUE;
    kept_bytes += strlen (paragraph);
    g_ptr_array_add (kept, paragraph);
    if ((closes || trailed) && in_body && length_after (lines, i + 1) < kept_bytes)
      ended = TRUE;
    credited_line = closes && in_body ? i : G_MAXUINT;
  }

  drop_repeated (kept, fields->description);
  /* Thanks to those who helped, or a note that names were changed, are
   * not the article's last words. */
  for (guint n = 0; n < 2 && kept->len > 1; n++) {
    const char *last = kept->pdata[kept->len - 1];

    if (g_utf8_strlen (last, -1) > 100 || !g_regex_match (get_rules ()->thanks, last, 0, NULL))
      break;
    g_ptr_array_remove_index (kept, kept->len - 1);
  }

  return g_steal_pointer (&kept);
}

/* @name without the brackets around it: `[中财网]` is 中财网. */
static char *
unbracketed (const char *name)
{
  static const char * const pairs[][2] = { { "[", "]" }, { "【", "】" }, { "［", "］" } };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++) {
    gsize open = strlen (pairs[i][0]), close = strlen (pairs[i][1]), length = strlen (name);

    if (length > open + close && g_str_has_prefix (name, pairs[i][0]) &&
        g_str_has_suffix (name, pairs[i][1]))
      return g_strndup (name + open, length - open - close);
  }

  return g_strdup (name);
}

/**
 * wenji_import_apply_fields:
 * @article: an article being imported
 * @fields: what its page said
 *
 * Sets the article's fields; the agency of the dateline, then the site's
 * own name (a paper's for its web edition), is the source when the page
 * names no other. A date the page
 * calls an update is the date when it gives no other. An original title
 * that differs from the title becomes the summary.
 */
void
wenji_import_apply_fields (WenjiArticle      *article,
                           WenjiImportFields *fields)
{
  const WenjiImportDate *date = fields->published.year != 0 ? &fields->published
                                                             : &fields->updated;
  g_autofree char *published = wenji_import_date_format (date);
  g_autofree char *site = fields->site ? unbracketed (fields->site) : NULL;
  g_autofree char *paper = site ? wenji_import_publication_name (site) : NULL;
  const char *source = fields->source ? fields->source
                       : fields->agency ? fields->agency : paper;

  /* A name closing the article that is the editor's: `…肯定。（郭旭）`
   * with `【责任编辑：郭旭】` below it; a writer's credit that names the
   * source again (`来源：理财18 作者：理财18`) names no writer, but on a
   * person's blog named for them it does. */
  if (fields->author != NULL && (g_strcmp0 (fields->author, fields->editor) == 0 ||
                                 (!fields->personal && g_strcmp0 (fields->author, source) == 0)))
    g_clear_pointer (&fields->author, g_free);
  if (fields->author != NULL) {
    char *joined = g_regex_replace (get_rules ()->spaced_name, fields->author, -1, 0, "\\1", 0,
                                    NULL);

    if (joined != NULL) {
      g_free (fields->author);
      fields->author = joined;
    }
  }

  if (fields->title != NULL)
    wenji_article_set_title (article, fields->title);
  if (fields->author != NULL)
    wenji_article_set_author (article, fields->author);
  if (source != NULL)
    wenji_article_set_source (article, source);
  if (fields->editor != NULL)
    wenji_article_set_editor (article, fields->editor);
  if (published != NULL)
    wenji_article_set_published_at (article, published);
  if (fields->original_title != NULL && fields->title != NULL &&
      !wenji_import_same_title (fields->original_title, fields->title)) {
    g_autofree char *summary = g_strconcat ("原标题：", fields->original_title, NULL);

    wenji_article_set_summary (article, summary);
  }
}
