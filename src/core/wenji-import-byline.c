/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Bylines: the date, source, author and editor a line of a saved page
 * gives, in all the ways Chinese news pages write them (`来源：新华网`,
 * `本报记者 王五 赵六`, `〔記者施曉光、吳亮儀／台北報導〕`, `【责任编辑:陆超】`,
 * `（中央社記者邱俊欽桃園19日電）`), and the datelines that open a report
 * (`新华社北京5月9日电`). The credits that close one are in
 * wenji-import-closing.c.
 *
 * A byline is recognised by consumption: the dates, the `key: value` fields,
 * reporter credits and view counters are taken out of the line, and what is
 * left tells whether the line was a byline (wenji-import-chrome.c decides).
 */
#include "config.h"

#include <string.h>

#include "wenji-import-private.h"

/* A value after `key:`, up to the next space or key; possessive, so that
 * `來源: 編輯:供稿` gives the source no value rather than `編`. */
#define VALUE "([^\\s\\x{3000}|｜:：︰【】\\[\\]()（）,，。;；]++)(?![:：︰])"
/* The editor's keys, and what may not come before them: 审核编辑, 值班编辑,
 * 图片编辑 and the like are not the editor. */
#define EDITOR_KEYS "责任编辑|責任編輯|责编|責編|编辑|編輯"
#define NOT_OTHER_EDITOR "(?<![审審核校对對美主总總班图圖片视視频頻])"
/* Keys of a source that need no colon, at the start of a line or of a
 * word, or before a bracket: `转自《北京科技报》`, `赵婕出自[人民文学出版社]`;
 * not `这句话出自《论语》`. */
#define QUOTED "(?:转自|轉自|转载自|轉載自|出自|摘自|选自|選自|原载|原載)"
#define WIDGETS "我有话说|我有話說|我来说两句|我來說兩句|正文背景色|收藏|赞赏|讚賞|点赞|點讚|分享|举报|舉報|我要评论|我要評論|评论|評論|关注|關注|" \
                "觉得不错|我要|参与互动|參與互動|打印|列印|关闭|關閉|email推荐|Email推荐|E-mail推荐|email推薦|"\
                "字号|字號|[大中小]号"

typedef struct {
  GRegex *keys;
  GRegex *counter;
  GRegex *widgets;
  GRegex *source;
  GRegex *editor;
  GRegex *credits;
  GRegex *author;
  GRegex *reporter;
  GRegex *reported;
  GRegex *newsroom_report;
  GRegex *role_after;
  GRegex *foreign_report;
  GRegex *foreign_reports;
  GRegex *update_key;
  GRegex *update_after;
  GRegex *repost;
  GRegex *signed_text;
  GRegex *disclaimer;
  GRegex *edit_note;
  GRegex *desk_credit;
  GRegex *inner_role;
  GRegex *glued_key;
  GRegex *role_word;
  GRegex *desk_editors;
  GRegex *portal_writer;
  GRegex *dateline;
  GRegex *agency;
  GRegex *clock;
  GRegex *day_time;
  GRegex *month_day_time;
  GRegex *issue;
  GRegex *other_date;
  GRegex *address;
  GRegex *report_place;
  GRegex *filed_from;
  GRegex *dateline_names;
  GRegex *posted;
  GRegex *paper;
  GRegex *wire;
  GRegex *poster;
  GRegex *signature;
  GRegex *signer;
  GRegex *leftover;
} Rules;

/**
 * wenji_import_rule:
 * @pattern: a regular expression of the import rules
 *
 * Returns: (transfer full): @pattern compiled
 */
GRegex *
wenji_import_rule (const char *pattern)
{
  g_autoptr (GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  /* The patterns are constants: a failure is a bug, found by the tests. */
  if (regex == NULL)
    g_error ("Bad import rule “%s”: %s", pattern, error->message);

  return regex;
}

static gpointer
compile_rules (gpointer data)
{
  Rules *rules = g_new0 (Rules, 1);

  /* A line that holds none of these is no byline. */
  rules->keys = wenji_import_rule ("^(?i:author)|来自|來自|转自|轉自|转载|轉載|原创|原創|发稿|發稿|于|"
                                   "来源|來源|稿源|供稿|出处|出處|出品|编|編|"
                                   "作者|撰|执笔|執筆|整理|文案|制图|製圖|摘自|选自|選自|原载|原載|^[—–-]{1,2}\\s*《|"
                                   "文\\s*[/／]|^文\\s*[:：︰]|记者|記者|通讯员|通訊員|评论员|評論員|报道|報導|快訊|"
                                   "快讯|浏览|瀏覽|阅读|閱讀|跟帖|点击|點擊|访问|訪問|人气|人氣|审|審|校|监制|監製|"
                                   "摄|攝|[／╱]|發布|发布|時間|时间|日期");
  rules->counter = wenji_import_rule ("[(（]?\\s*\\d+\\s*条跟帖\\s*[)）]?|"
                                      /* A blog's reading time and length: `5 分钟读完
                                       * (大约823个字)`, `阅读时长: 1 分`, `文章字数: 490`. */
                                      "\\d+\\s*分钟读完|[(（]\\s*(?:大约|约)\\s*\\d+\\s*个?字\\s*[)）]|"
                                      "(?:大约|约)\\s*\\d+\\s*个?字|"
                                      "(?:阅读时长|閱讀時長|阅读时间|閱讀時間)\\s*[:：︰≈]?\\s*\\d+\\s*"
                                      "(?:分钟|分鐘|分|min)|(?:文章字数|文章字數|本文字数|字数统计|字數統計)\\s*"
                                      "[:：︰]?\\s*[\\d.,]+\\s*[kK千]?\\s*字?|\\d+\\s*次(?:阅读|閱讀|浏览|瀏覽)|"
                                      "次(?:阅读|閱讀|浏览|瀏覽)|"
                                      "已有\\s*\\d+\\s*人(?:参与|參與|评论|評論)|"
                                      "[(（]\\s*\\d+\\s*(?:评|評)\\s*[)）]|"
                                      "(?:发表|發表|我要)?(?:浏览量|瀏覽量|浏览|瀏覽|阅读量|閱讀量|阅读|閱讀|"
                                      "点击量|點擊量|点击|點擊|访问量|訪問量|人气|人氣|评论|評論)"
                                      "(?:次数|次數|数|數)?"
                                      "\\s*[:：︰]?\\s*(?:[(（]\\s*\\d*\\s*[)）]|\\d*)\\s*[次条條]?|"
                                      "(?:发布时间|發布時間|發佈時間|发表时间|發表時間|发布日期|發布日期|"
                                      "发稿时间|發稿時間|建立時間|建立时间|更新时间|更新時間|最新更新|时间|"
                                      "時間|日期|发布于|發布於|发布|發布|發佈|更新)\\s*[:：︰]?");
  /* Buttons beside a byline: they make no byline of a line. */
  rules->widgets = wenji_import_rule (WIDGETS);
  /* Not a picture's or a video's source: `图片来源：…`. */
  rules->source = wenji_import_rule ("(?<!图片|圖片|视频|視頻|照片|素材|图|圖|資料|资料|数据|數據)"
                                     "(?:(?:信息来源|信息來源|文章来源|文章來源|新闻来源|新聞來源|稿件来源|稿件來源|"
                                     "本文来源|本文來源|来源|來源|供稿单位|供稿單位|"
                                     "稿源|出处|出處|来自|來自|原创|原創)\\s*(?:[:：︰]|(?<=源)\\s*[|｜])|"
                                     /* A WeChat post's producer: `出品 | AI科技大本营`. */
                                     "^\\s*出品\\s*[|｜︱]|"
                                     "(?:(?:本文|文章)(?:来源于|來源於|转载自|轉載自)|"
                                     "(?<![^\\s\\x{3000}])" QUOTED "|"
                                     QUOTED "(?=\\s*[\\[【])|^[—–-]{1,2}(?=\\s*《))\\s*[:：︰]?)"
                                     "\\s*[\\[【]?\\s*(?:" VALUE ")?\\s*[\\]】]?");
  /* `责任编辑：陆超`, and a site's editor named without a colon:
   * `（松花江网编辑 孙桂芳）`. */
  rules->editor = wenji_import_rule ("(?|"
                                     /* Names spaced apart, to the end or the next key:
                                      * `责任编辑：金雪 祁洁`, not the buttons after them. */
                                     NOT_OTHER_EDITOR "(" EDITOR_KEYS ")\\s*[:：]\\s*"
                                     "(" HAN "{2,3}(?:[ \\x{3000}]+(?!" WIDGETS ")" HAN "{2,3})+)"
                                     "(?=\\s*$|\\s+\\S{2,6}[:：︰])|"
                                     /* A key and a bar, the line's only words: `编辑|李茜`. */
                                     "^\\s*(" EDITOR_KEYS ")\\s*[|｜︱]\\s*" VALUE "\\s*$|"
                                     NOT_OTHER_EDITOR "(" EDITOR_KEYS "|选稿|選稿)\\s*[:：/／]\\s*"
                                     "(?:" VALUE ")?|"
                                     "(?<=网|網|报|報)(编辑|編輯)\\s+" VALUE ")");
  /* Credits that name no field of ours: they only tell a byline. */
  rules->credits = wenji_import_rule ("(?:审核|審核|校对|校對|监制|監製|审读|審讀|终审|終審|初审|初審|复审|複審|主编|主編|总编|總編|统筹|"
                                      "統籌|策划|策劃|制作|製作|美编|美編|摄影|攝影|摄像|攝像|视频|視頻|剪辑|剪輯|设计|設計|实习生|實習生|"
                                      "翻译|翻譯|值班编辑|值班編輯|校对编辑|图片编辑|圖片編輯|制图|製圖|地區|地区|分类|分類|类别|類別|"
                                      "标签|標籤|"
                                      "栏目|欄目)\\s*[:：/／|｜︱]\\s*(?:" VALUE
                                      ")?|(?:攝影|摄影)\\s+" HAN "{2,3}(?!" HAN ")");
  /* `作者：…`, `作者︱春春`, `文/郭靜`, `文：城南君`, `Author, 李雨梦`, `作者：Mahdhi Rezvi`,
   * and a line of `作者 王之言 高孜然`. */
  rules->author = wenji_import_rule ("(?:(?:作者|撰文|撰稿|撰稿人|执笔人|執筆人|执笔|執筆|整理|文案)\\s*[:：︰︱｜|]\\s*|"
                                     /* BBC's `Author, 李雨梦`. */
                                     "^(?i:authors?)\\s*[,，:：︰]\\s*|"
                                     "(?<!" HAN ")文\\s*[/／]\\s*|^文\\s*[:：︰]\\s*(?=\\S{2,})|"
                                     "^(?:作者|撰文)\\s+(?=(?:" HAN "{2,4}\\s*)+$))"
                                     /* A reader's essay: `作者：网友：煮熟的米饭`. */
                                     "(?:(?:网友|網友|读者|讀者|博主)(?:\\s*[:：︰]\\s*|\\s+))?([^\\s"
                                     "\\x{3000}|｜:：︰【】\\[\\]()（）。;；]++(?:[ \\x{3000}]+(?:" HAN
                                     "{2,4}(?![" HAN_RANGES ":：])(?<!" WIDGETS ")|"
                                     /* `作者：Mahdhi Rezvi`. */
                                     "[A-Z][a-z]+(?![A-Za-z0-9:：︰])))*)(?![:：︰])");
  /* `记者 张三`, `本报记者 王五 赵六`, `新华社记者邹多为、唐诗凝`: the newsroom
   * before the reporter is the source. */
  rules->reporter = wenji_import_rule ("(?:(?<![" HAN_RANGES "])([" HAN_RANGES "·]{2,10}?|"
                                       HAN "{2,10}驻[" HAN_RANGES "、]{2,24}?)\\s*"
                                       "(?:" SLASH "(?:本报|本報))?)?(?:"
                                       "记者|記者|通讯员|通訊員|评论员|評論員|特约记者|"
                                       "特約記者)\\s*[:：︰]?\\s*(?![的了在等们說说称表])" NAME);
  /* `〔記者施曉光、吳亮儀／台北報導〕`, `【丁牧群╱台北報導】`, `社會中心／綜合報導`,
   * `中國時報 劉屏／華盛頓4日電`, `張立勳／特稿`. */
  rules->reported = wenji_import_rule ("(?:(?<!" HAN ")(" HAN "{2,8}?)\\s+)?(?:記者|记者)?\\s*"
                                       "(?!" HAN "{0,4}(?:中心|組|组)" SLASH HAN "{2,4}(?:報導|报道))" NAMES
                                       SLASH "(?:" HAN "{0,8}?(?:報導|报道)|" HAN
                                       "{0,8}?\\d{1,2}日(?:專電|专电|電|电)|特稿|專稿|专稿)");
  /* Names, then their part after a slash, as Taiwan's papers credit them:
   * `洪詩宸/編輯`, `鄭惟仁 鍾建剛／編譯`, `陳冠勳 張梓嘉 溫正衡／新北 台南報導`. */
  rules->role_after = wenji_import_rule ("^\\s*(" HAN "{2,4}(?:[ \\x{3000}、，,]+" HAN "{2,4})*)"
                                         SLASH "(?:(編輯|编辑)|編譯|编译|整理|撰稿|((?:" HAN
                                         "{1,6}[ \\x{3000}]+)*" HAN "{0,6}(?:報導|报道)))(?=\\s|$)");
  /* Reporters, then `報導`, maybe after their newsroom: `華視新聞 彭佳芸 黃翊真 報導`. */
  rules->newsroom_report = wenji_import_rule ("^\\s*(?:(" HAN "{2,8}?)\\s+)?" "?(?:記者|记者)?\\s*(" HAN
                                              "{2,3}(?:[ 、]+" HAN "{2,3})*)\\s*(?:報導|报道)"
                                              "[\\s\\x{3000}]*$");
  /* `2026-05-29更新`, but not `2020-05-05 更新于 2024-05-29`: that word
   * goes with the next date. */
  rules->update_after = wenji_import_rule ("^\\s?更新(?!于|於|时间|時間|日期|\\s*[:：︰])");
  rules->update_key = wenji_import_rule ("(?:最后|最後)?(?:更新于|更新於|更新时间|更新時間|更新日期|更新)"
                                         "\\s*[:：︰]?\\s*$");
  /* An article another account published first: `本文授权转载自公众号“现代资本主义研究”`. */
  rules->repost = wenji_import_rule ("^\\s*(?:本文|此文)?(?:经|經)?(?:授权|授權)?(?:转载|轉載)(?:自|于|於)\\s*"
                                     "(?:微信)?(?:公众号|公眾號)\\s*[:：︰]?\\s*[“\"「『]?"
                                     "([^\\s“”\"「」『』，。]{2,20})"
                                     "[”\"」』]?\\s*[，。.]?\\s*$");
  /* A reprint's disclaimer beside its source: `(本站只作转载,不代表本站同意文中观点)`. */
  rules->disclaimer = wenji_import_rule ("[(（][^()（）]{0,30}(?:不代表|仅代表|僅代表)[^()（）]{0,40}[)）]");
  /* An editor's note beside a credit: `文 / 肖文杰 回答时有所改动`. */
  rules->edit_note = wenji_import_rule ("(?:回答|发表|發表|刊发|刊發|转载|轉載|收录|收錄)?时?"
                                        "(?:有所|略有|有)(?:改动|改動|删改|刪改|删节|刪節)");
  /* A writer's name on the first words, `胡德平/文 …`. */
  rules->signed_text = wenji_import_rule ("^\\s*(" HAN "{2,4})\\s*[/／]\\s*文(?=[\\s\\x{3000}])");
  /* A foreign paper's correspondents, their names transliterated:
   * `英国《金融时报》 罗谢尔•托普兰斯基 布鲁塞尔报道`. */
  rules->foreign_report = wenji_import_rule ("^\\s*(?:" HAN "{0,4}《(" HAN "{2,12})》\\s*)?"
                                             "(" DOTTED_NAME "(?:\\s*[、和]\\s*" DOTTED_NAME ")*)"
                                             "\\s+" HAN "{2,6}(?:报道|報導)\\s*$");
  /* Its correspondents in several places, each after their name: `英国
   * 《金融时报》 迪米 华盛顿 ， 戴维•邦德 慕尼黑报道`. */
  rules->foreign_reports = wenji_import_rule ("^\\s*" HAN "{0,4}《(" HAN "{2,12})》\\s*"
                                              "((?:" DOTTED_NAME "|" HAN "{2,4})\\s+" HAN "{2,6}"
                                              "(?:\\s*[、，,]\\s*(?:" DOTTED_NAME "|" HAN "{2,4})"
                                              "(?:\\s+" HAN "{2,6})?)+)(?:报道|報導)\\s*$");
  /* `專訊／王小明`, and a desk's reporter: `生活中心／賴俊佑報導`. */
  rules->desk_credit = wenji_import_rule ("(?|(?:快訊|快讯|專訊|专讯|特稿|特派員|特派员)" SLASH NAMES "(?!" HAN
                                          ")|" HAN "{2,4}(?:中心|組|组)" SLASH NAMES "(?=報導|报道))");
  /* A portal's desk and its writer on a line of their own: `新浪科技 张泽宇`. */
  rules->portal_writer = wenji_import_rule ("^\\s*(?:新浪|腾讯|騰訊|网易|網易|搜狐|凤凰|鳳凰)" HAN "{1,4}"
                                           "\\s+(" HAN "{2,3})\\s*$");
  rules->desk_editors = wenji_import_rule ("(选稿|選稿|责任编辑|責任編輯|编辑|編輯)\\s*[:：]\\s*" HAN "{2,10}?"
                                          "(?:频道|頻道|中心|编辑部|編輯部)\\s+(" HAN "{2,3}(?:\\s+" HAN
                                          "{2,3}){0,3})(?![" HAN_RANGES ":：︰])");
  rules->role_word = wenji_import_rule ("实习记者|實習記者|见习记者|見習記者|特约记者|特約記者|实习生|實習生|"
                                       "通讯员|通訊員|记者|記者");
  rules->glued_key = wenji_import_rule ("(?<=[" HAN_RANGES "])(?:发布时间|發佈時間|發布時間|发布日期|發佈日期|"
                                       "发表时间|發表時間)\\s*[:：︰]");
  rules->inner_role = wenji_import_rule (INNER_ROLE);
  /* `新华社北京5月19日电（刘艺、杨吉）`: the agency's reporters, unnamed as such. */
  rules->dateline_names = wenji_import_rule ("^[^，。,（(]{2,30}?(?:电|電)\\s*[(（]\\s*"
                                             "(?!记者|記者|通讯员|通訊員|评论员|評論員)"
                                             "(" HAN "{2,3}(?:[、\\s]+" HAN "{2,3}){0,3})\\s*[)）]");
  /* `信息时报讯（记者谢奕娟）`; a site's report, `成都某某网（记者 王玲）4月28日报道`;
   * its reporters after their roles, `东方网通讯员龙钢、记者朱贝尔1月11日报道：`. */
  rules->dateline = wenji_import_rule ("^[^，。,]{2,30}?(?:电|電|讯|訊)[】\\]]?\\s*[(（]\\s*(?:本报|本報|"
                                       HAN "{2,8}?(?:报|報))?(?:记者|記者)\\s*([^()（）]{2,20}?)\\s*[)）]|"
                                       "^" HAN "{2,10}?(?:网|網)\\s*[(（]\\s*(?:记者|記者)\\s*"
                                       "([^()（）]{2,20}?)\\s*[)）]\\s*\\d{1,2}月\\d{1,2}日"
                                       "(?:报道|報導|电|電)|"
                                       "^" HAN "{2,10}?(?:网|網|报|報)((?:通讯员|通訊員|记者|記者)"
                                       "[^，。,：:]{2,30}?)\\d{1,2}月\\d{1,2}日(?:报道|報導|电|電)");
  /* `（中央社記者邱俊欽桃園19日電）`, `新华社乌鲁木齐5月9日电`, `（法新社羅馬19日電）`. */
  rules->agency = wenji_import_rule ("^[(（]?\\s*(" HAN "{1,4}?(?:社|网|網))\\s*(记者|記者)?(" HAN
                                     "{0,16}?)\\s*(?:\\d{1,2}月)?\\d{1,2}日\\s*(?:專電|专电|電|电)");
  /* What a byline holds besides its first date: `（2/21 22:08 更新）`. */
  rules->clock = wenji_import_rule ("(?<!\\d)\\d{1,2}[:：︰]\\d{2}(?:[:：︰]\\d{2})?(?!\\d)|"
                                    "(?<!\\d)\\d{1,2}/\\d{1,2}(?![\\d/])");
  rules->other_date = wenji_import_rule ("(?:建立|注册|註冊|加入|创建|創建|开通|開通|出生|生)(?:于|於|日期|时间|時間)?"
                                        "\\s*[:：︰]?\\s*$");
  /* A magazine's issue after its name: `1998年3月号`, `2004年第5期`. */
  rules->issue = wenji_import_rule ("(?<=》)\\s*(?:\\d{4}\\s*年)?\\s*"
                                    "(?:第?\\s*\\d{1,3}\\s*(?:月号|月號|期|卷))+");
  rules->month_day_time = wenji_import_rule ("(?<![\\d./-])(0?[1-9]|1[0-2])-(0?[1-9]|[12]\\d|3[01])"
                                            "\\s+([01]?\\d|2[0-3])[:：︰]([0-5]\\d)(?![\\d:])");
  rules->day_time = wenji_import_rule ("(?<!\\d)\\d{1,2}日\\s*\\d{1,2}[:：︰]\\d{2}(?!\\d)");
  /* A site's address in a byline: `BUSINESS.SOHU.COM`. */
  /* A web address, or a WeChat account's id: `（ID:rgznai100）`. */
  rules->address = wenji_import_rule ("(?i:https?://\\S+|(?<![a-z0-9.-])(?:[a-z0-9-]+\\.)+(?:com|"
                                      "cn|net|org|tw|hk|mo|gov|edu)(?:\\.[a-z]{2})?(?![a-z0-9]))|"
                                      "[(（]\\s*(?:微信)?(?:ID|id|微信号)\\s*[:：︰]\\s*[A-Za-z0-9_-]{3,30}"
                                      "\\s*[)）]");
  /* Where a reporter filed from, once the name is read: `／桃園即時報導`. */
  rules->report_place = wenji_import_rule ("[／/╱]\\s*" HAN "{0,8}?(?:即時|即时)?(?:報導|报道)|"
                                          "[\\s\\x{3000}]+" HAN "{2,8}(?:報導|报道)\\s*$");
  /* Where a reporter filed from, run on to the names: `罗科苏盈发自北京`. */
  rules->filed_from = wenji_import_rule ("(?:发自|發自)" HAN "{1,8}");
  /* The account after a date: `2024-05-09 22:30·新华社`, `【2014/09/22 聯合報】@ udn.com`. */
  rules->posted = wenji_import_rule ("^[\\s\\x{3000}]*(?:[·•]|[【\\[](?=[^】\\]]+[】\\]][\\s@]*$))"
                                     "\\s*(" HAN "["
                                     HAN_RANGES "A-Za-z0-9]{1,11})\\s*[】\\]]?[\\s@]*$");
  /* A paper's name after a date: `2005年03月31日03:18 北京娱乐信报`, `《理财周刊》`,
   * maybe with a link to its microblog: `中国新闻网 微博`. */
  rules->paper = wenji_import_rule ("^[\\s\\x{3000}|｜]*(?:《\\s*(" HAN "{2,12})\\s*》|((?:" HAN
                                    "{2,8}[—―·－-])?" HAN "{3,10}))"
                                    "(?:[\\s\\x{3000}]+[\\[［]?微博[\\]］]?)?"
                                    "[\\s\\x{3000}|｜:：\\[\\]［］]*$");
  /* A newsroom's name where its paragraph starts: `据新华社拉萨电`,
   * `新浪财经讯`, `1905电影网讯`, `【明報專訊】`. */
  rules->wire = wenji_import_rule ("^[(（【]?\\s*据?\\s*((?:[A-Za-z0-9]+)?" HAN "{1,6}?(?:社|网|網|报|報|"
                                   "财经|財經))(?:" HAN "{2,4}(?:\\d{1,2}月)?(?:\\d{1,2}日)?"
                                   "(?:专电|專電|电|電)|专讯|專訊|讯|訊)");
  /* The writer before a date: `A-肖老师-树谷学院 于 2024-05-06 15:47:53 发布`;
   * not the word before it, `发表于 2019-09-09`. */
  rules->poster = wenji_import_rule ("^\\s*(?!(?:发表|發表|发布|發布|首发|首發|更新|创建|創建|修改|写|寫|"
                                     "撰写|撰寫)\\s*(?:于|於)\\s*$)(\\S{2,24}?)\\s*(?:发表于|發表於|于)\\s*$");
  /* A blog's signature under its post: `posted @ 2024-05-09 14:45 好看的hk`,
   * or a time alone under the text: `时间：2019-09-24 17:08`. */
  rules->signature = wenji_import_rule ("^\\s*(?:(?i:posted)\\s*(?:@|(?i:on|at))|发布时间|發布時間|"
                                        "发布于|發布於|发表于|發表於|编辑于|編輯於|发表时间|發表時間|时间|時間)"
                                        "\\s*[:：︰]?\\s*(?=\\d)");
  rules->signer = wenji_import_rule ("^\\s*(?i:posted)\\s*(?:@|(?i:on|at))\\s*"
                                     "([^\\s\\x{3000}]{2,24})");
  rules->leftover = wenji_import_rule ("[\\s\\x{3000}|｜/／╱:：︰【】〔〕\\[\\]()（）·•\\-—_,，;；.。]+");

  return rules;
}

static Rules *
get_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_rules, NULL);
}


static gboolean
match_value (GRegex      *regex,
             const char  *line,
             int          group,
             char       **value)
{
  g_autoptr (GMatchInfo) match = NULL;

  if (!g_regex_match (regex, line, 0, &match))
    return FALSE;
  if (value != NULL)
    *value = g_match_info_fetch (match, group);

  return TRUE;
}

/* Removes every match of @regex from @rest; returns whether there was one. */
static gboolean
consume (GRegex  *regex,
         char   **rest)
{
  char *next = g_regex_replace_literal (regex, *rest, -1, 0, "", 0, NULL);
  gboolean changed = next != NULL && strcmp (next, *rest) != 0;

  if (next != NULL) {
    g_free (*rest);
    *rest = next;
  }

  return changed;
}

/* `新快报` of `金羊网—新快报`: the part after a dash or a dot. */
static const char *
last_part (const char *name)
{
  const char *marks[] = { "—", "―", "·", "－", "-" };
  const char *last = name;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++) {
    const char *at = g_strrstr (name, marks[i]);

    if (at != NULL && at + strlen (marks[i]) > last)
      last = at + strlen (marks[i]);
  }

  return last;
}

/**
 * wenji_import_is_signature:
 * @line: a line after an article
 *
 * Returns: whether @line is a blog's signature under its post, or the
 *   post's time set below it, whose date is the post's: `posted @
 *   2024-05-09 14:45 好看的hk`, `时间：2019-09-24 17:08`
 */
gboolean
wenji_import_is_signature (const char *line)
{
  return g_regex_match (get_rules ()->signature, line, 0, NULL);
}

/**
 * wenji_import_may_be_byline:
 * @line: one line of text
 *
 * Returns: whether @line holds a key or a date a byline is made of; most
 *   lines of an article do not, and skip the costly part
 */
gboolean
wenji_import_may_be_byline (const char *line)
{
  WenjiImportDate date;

  return g_regex_match (get_rules ()->keys, line, 0, NULL) ||
         wenji_import_date_scan (line, &date, NULL, NULL) ||
         g_regex_match (get_rules ()->month_day_time, line, 0, NULL) ||
         g_regex_match (get_rules ()->portal_writer, line, 0, NULL);
}

/* An agency's dateline at the start of @text, `（中央社記者邱俊欽桃園19日電）`,
 * `新华社乌鲁木齐5月9日电`: the agency, and the reporter if it names one.
 * Returns whether there was one. */
static gboolean
read_agency (const char        *text,
             WenjiImportFields *fields)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *key = NULL;
  g_autofree char *joined = NULL;

  if (!g_regex_match (get_rules ()->agency, text, 0, &match))
    return FALSE;

  agency = g_match_info_fetch (match, 1);
  key = g_match_info_fetch (match, 2);
  joined = g_match_info_fetch (match, 3);
  if (!g_str_has_prefix (agency, "本") && fields->agency == NULL)
    fields->agency = g_steal_pointer (&agency);
  /* `邱俊欽桃園`: a name, then the place; most names have three characters. */
  if (key != NULL && *key != '\0' && g_utf8_strlen (joined, -1) >= 4) {
    glong length = g_utf8_strlen (joined, -1) >= 5 ? 3 : 2;
    g_autofree char *name = g_utf8_substring (joined, 0, length);

    wenji_import_add_writers (fields, name);
  }

  return TRUE;
}

/* The reporters each match of @regex names (group 2) and their newsroom
 * (group 1), an agency when it is one; the matches leave @rest. Returns
 * whether there was one. */
/* Whether @text is one name of two or three Chinese characters. */
static gboolean
is_short_name (const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  return length >= 2 && length <= 3 && wenji_import_is_all_han (text);
}

/* Whether a match of the role rule is one the reporters' rules do not
 * read: an editor's or a compiler's part, or reporters from several
 * places set apart with spaces (`陳冠勳 張梓嘉 溫正衡／新北 台南報導`);
 * `林悅／南市報導` is theirs. */
static gboolean
is_role_credit (GMatchInfo *match)
{
  g_autofree char *places = g_match_info_fetch (match, 3);

  return places == NULL || *places == '\0' || strchr (places, ' ') != NULL ||
         strstr (places, "\u3000") != NULL;
}

static gboolean
read_newsroom_credits (GRegex             *regex,
                       char              **rest,
                       WenjiImportFields  *fields)
{
  g_autoptr (GMatchInfo) match = NULL;

  if (!g_regex_match (regex, *rest, 0, &match))
    return FALSE;
  do {
    g_autofree char *whole = g_match_info_fetch (match, 0);
    g_autofree char *newsroom = g_match_info_fetch (match, 1);
    g_autofree char *value = g_match_info_fetch (match, 2);
    g_autofree char *list = wenji_import_reporter_names (value);

    /* After the key and its colon comes a name, even one of a surname
     * too rare to know: `記者︰脫芷晴`. */
    if (list == NULL && is_short_name (value) &&
        (strstr (whole, ":") || strstr (whole, "：") || strstr (whole, "︰")))
      list = g_strdup (value);

    wenji_import_add_writers (fields, list);
    if (wenji_import_is_newsroom (newsroom))
      wenji_import_set_field (&fields->agency, newsroom);
  } while (g_match_info_next (match, NULL));
  consume (regex, rest);

  return TRUE;
}

/* @line with a space for each character of the private use area, which
 * a byline holds only where its bytes were no character of the page's
 * encoding (a separator): `[ 黄宇 ]\u{E5C2}  来源：`. */
static char *
without_private_use (const char *line)
{
  GString *out = g_string_sized_new (strlen (line));

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (c >= 0xE000 && c <= 0xF8FF)
      g_string_append_c (out, ' ');
    else
      g_string_append_unichar (out, c);
  }

  return g_string_free (out, FALSE);
}

/* Group @group of @match as a number. */
static int
fetch_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *digits = g_match_info_fetch (match, group);

  return digits != NULL ? (int) g_ascii_strtoll (digits, NULL, 10) : 0;
}

/**
 * wenji_import_read_byline:
 * @line: a line that may be a byline
 * @fields: filled with what it says
 * @n_found: (out): how many fields, dates and counters it held
 *
 * Takes the fields of a byline out of @line, each rule's match as soon as
 * it is read, so that the next rule does not see it.
 *
 * Returns: (transfer full): what is left of @line
 */
char *
wenji_import_read_byline (const char        *line,
                          WenjiImportFields *fields,
                          guint             *n_found)
{
  Rules *rules = get_rules ();
  g_autofree char *rest = without_private_use (line);
  g_autofree char *value = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  GRegex *names[] = { rules->desk_credit };
  GRegex *newsroom_names[] = { rules->newsroom_report, rules->reported, rules->foreign_report };
  WenjiImportDate date;
  guint found = 0, dates;
  int start, end;

  /* Writers each after a role, among others: `作者:李欣欣 韩小妮 实习生雷皓仪`. */
  if (strstr (rest, "作者") != NULL && (strstr (rest, "实习") != NULL ||
                                        strstr (rest, "實習") != NULL ||
                                        strstr (rest, "通讯员") != NULL)) {
    char *listed = g_regex_replace_literal (rules->inner_role, rest, -1, 0, " ", 0, NULL);

    if (listed != NULL) {
      g_free (rest);
      rest = listed;
    }
  }

  /* A time's key run on to the value before it: `来源：信息科学与工程学院发布时间：`. */
  if (strstr (rest, "时间") != NULL || strstr (rest, "時間") != NULL ||
      strstr (rest, "日期") != NULL) {
    char *spaced = g_regex_replace (rules->glued_key, rest, -1, 0, " \\0", 0, NULL);

    if (spaced != NULL) {
      g_free (rest);
      rest = spaced;
    }
  }

  /* Dates: the first is the byline's; others (an update) go too. */
  while (wenji_import_date_scan (rest, &date, &start, &end)) {
    g_autofree char *before = g_strndup (rest, start);
    gboolean update = strstr (before, "更新") != NULL ||
                      g_regex_match (rules->update_after, rest + end, 0, NULL);
    WenjiImportDate *slot = found == 0 && !update ? &fields->published : &fields->updated;
    /* When a blog or an account was made, or a person born: `建立于:2004年10月6日`. */
    gboolean other = g_regex_match (rules->other_date, before, 0, NULL);
    char *next;

    if (slot->year == 0 && !other)
      *slot = date;
    /* `更新于2019年2月7日 06:21`: the word goes with its date. */
    if (update)
      consume (rules->update_key, &before);
    next = g_strconcat (before, " ", rest + end, NULL);
    g_free (rest);
    rest = next;
    found += !other;
  }
  /* A day and a time without the month: `02日14:25`; a month, a day and a
   * time without the year, `09-27 20:12`, which the address may date. */
  if (found == 0 && consume (rules->day_time, &rest))
    found++;
  if (found == 0 && g_regex_match (rules->month_day_time, rest, 0, &match)) {
    WenjiImportDate *yearless = &fields->yearless;

    yearless->month = fetch_int (match, 1);
    yearless->day = fetch_int (match, 2);
    yearless->hour = fetch_int (match, 3);
    yearless->minute = fetch_int (match, 4);
    consume (rules->month_day_time, &rest);
    found++;
  }
  g_clear_pointer (&match, g_match_info_free);
  if (found > 0)
    consume (rules->clock, &rest);
  dates = found;

  if (g_regex_match (rules->portal_writer, rest, 0, &match)) {
    g_autofree char *writer = g_match_info_fetch (match, 1);

    if (wenji_import_has_surname (writer)) {
      wenji_import_add_writers (fields, writer);
      consume (rules->portal_writer, &rest);
      found++;
    }
  }
  g_clear_pointer (&match, g_match_info_free);

  /* A desk, then its editors: `选稿：东方网教育频道 陈乐 夏荔`. */
  if (g_regex_match (rules->desk_editors, rest, 0, &match)) {
    g_autofree char *key = g_match_info_fetch (match, 1);
    g_autofree char *editors = g_match_info_fetch (match, 2);
    g_auto (GStrv) each = g_regex_split_simple ("\\s+", editors, 0, 0);
    g_autofree char *listed = g_strjoinv ("、", each);

    wenji_import_set_editor (fields, key, listed);
    consume (rules->desk_editors, &rest);
    found++;
  }
  g_clear_pointer (&match, g_match_info_free);

  /* Every editor of the line: `编辑：倪仕轩 责任编辑：杨格` files the 责任编辑. */
  if (g_regex_match (rules->editor, rest, 0, &match)) {
    do {
      g_autofree char *key = g_match_info_fetch (match, 1);
      g_auto (GStrv) each = NULL;
      g_autofree char *listed = NULL;

      /* Names spaced apart are each an editor. */
      value = g_match_info_fetch (match, 2);
      each = g_regex_split_simple ("[ \\x{3000}]+", value, 0, 0);
      listed = g_strjoinv ("、", each);
      wenji_import_set_editor (fields, key, listed);
      g_clear_pointer (&value, g_free);
    } while (g_match_info_next (match, NULL));
    consume (rules->editor, &rest);
    found++;
  }
  g_clear_pointer (&match, g_match_info_free);

  if (match_value (rules->repost, rest, 1, &value)) {
    wenji_import_set_field (&fields->source, value);
    g_clear_pointer (&value, g_free);
    consume (rules->repost, &rest);
    found++;
  }
  if (match_value (rules->source, rest, 1, &value)) {
    /* `转自《北京科技报》`, `——《北京之春》1998年3月号`: the paper without its
     * marks and the issue. */
    if (value != NULL && g_str_has_prefix (value, "《") && strstr (value, "》") != NULL &&
        strstr (value, "》") > value + strlen ("《")) {
      const char *close = strstr (value, "》");
      char *bare = g_strndup (value + strlen ("《"), close - value - strlen ("《"));

      consume (rules->issue, &rest);
      g_free (value);
      value = bare;
    }
    wenji_import_set_field (&fields->source, value);
    g_clear_pointer (&value, g_free);
    consume (rules->source, &rest);
    found++;
  }

  found += consume (rules->credits, &rest);

  if (match_value (rules->author, rest, 1, &value)) {
    g_autofree char *name = wenji_import_author_name (value);

    wenji_import_set_author (fields, name);
    g_clear_pointer (&value, g_free);
    consume (rules->author, &rest);
    found++;
  }

  consume (rules->filed_from, &rest);

  /* `（中央社記者林宏翰台北28日電）` on a line of its own. */
  if (read_agency (rest, fields)) {
    consume (rules->agency, &rest);
    found++;
  }

  /* Only a line with a slash may credit a part after a name. */
  g_clear_pointer (&match, g_match_info_free);
  if ((strchr (rest, '/') != NULL || strstr (rest, "／") != NULL || strstr (rest, "╱") != NULL) &&
      g_regex_match (rules->role_after, rest, 0, &match) && is_role_credit (match)) {
    g_autofree char *credited = g_match_info_fetch (match, 1);
    g_autofree char *editor = g_match_info_fetch (match, 2);
    g_autofree char *list = wenji_import_reporter_names (credited);

    if (editor != NULL && *editor != '\0')
      wenji_import_set_editor (fields, editor, credited);
    else
      wenji_import_add_writers (fields, list);
    if ((editor != NULL && *editor != '\0') || list != NULL) {
      consume (rules->role_after, &rest);
      found++;
    }
  }
  g_clear_pointer (&match, g_match_info_free);
  for (guint i = 0; i < G_N_ELEMENTS (newsroom_names); i++)
    found += read_newsroom_credits (newsroom_names[i], &rest, fields);
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (rules->foreign_reports, rest, 0, &match)) {
    g_autofree char *paper = g_match_info_fetch (match, 1);
    g_autofree char *pairs = g_match_info_fetch (match, 2);
    g_auto (GStrv) parts = g_regex_split_simple ("\\s*[、，,]\\s*", pairs, 0, 0);

    for (guint i = 0; parts[i] != NULL; i++) {
      g_autofree char *name = g_strndup (parts[i], strcspn (parts[i], " \t"));

      wenji_import_add_writers (fields, name);
    }
    wenji_import_set_field (&fields->source, paper);
    rest[0] = '\0';
    found++;
  }
  g_clear_pointer (&match, g_match_info_free);
  /* Every newsroom's reporters: `环球时报驻美国、英国特约记者 肖磊 纪双城
   * 环球时报特约记者 甄翔`. */
  found += read_newsroom_credits (rules->reporter, &rest, fields);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    if (match_value (names[i], rest, 1, &value)) {
      g_autofree char *list = wenji_import_reporter_names (value);

      wenji_import_add_writers (fields, list);
      g_clear_pointer (&value, g_free);
      consume (names[i], &rest);
      found++;
    }
  }

  found += consume (rules->counter, &rest);
  consume (rules->widgets, &rest);
  consume (rules->edit_note, &rest);
  consume (rules->disclaimer, &rest);
  consume (rules->report_place, &rest);
  consume (rules->address, &rest);
  if (dates > 0 && match_value (rules->posted, rest, 1, &value)) {
    /* A person's name there is the writer's: `2004年7月16日08:19 [ 黄宇 ]`. */
    if (g_utf8_strlen (value, -1) <= 3 && wenji_import_has_surname (value) &&
        !wenji_import_is_newsroom_name (value))
      wenji_import_set_author (fields, value);
    else
      wenji_import_set_field (&fields->source, value);
    g_clear_pointer (&value, g_free);
    consume (rules->posted, &rest);
  }
  if (dates > 0 && g_regex_match (rules->paper, rest, 0, &match)) {
    g_autofree char *marked = g_match_info_fetch (match, 1);
    g_autofree char *bare = g_match_info_fetch (match, 2);

    if (marked != NULL && *marked != '\0')
      wenji_import_set_field (&fields->source, marked);
    else if (wenji_import_is_newsroom_name (last_part (bare)) ||
             ((g_str_has_suffix (bare, "网") || g_str_has_suffix (bare, "網")) &&
              g_utf8_strlen (bare, -1) <= 8))
      wenji_import_set_field (&fields->source, bare);
    else
      g_clear_pointer (&match, g_match_info_free);
    if (match != NULL)
      rest[0] = '\0';
  }
  g_clear_pointer (&match, g_match_info_free);
  if (dates > 0 && match_value (rules->signer, rest, 1, &value)) {
    wenji_import_set_field (&fields->author, value);
    g_clear_pointer (&value, g_free);
    consume (rules->signer, &rest);
    found++;
  }
  if (dates > 0 && match_value (rules->poster, rest, 1, &value)) {
    wenji_import_set_field (&fields->author, value);
    g_clear_pointer (&value, g_free);
    consume (rules->poster, &rest);
  }
  consume (rules->leftover, &rest);
  *n_found = found;

  return g_steal_pointer (&rest);
}

/* Whether @paragraph opens with a newspaper's or an agency's dateline that
 * names its reporters, `信息时报讯（记者谢奕娟）`, `新华社北京5月19日电（刘艺）`:
 * the start of a report. */
gboolean
wenji_import_opens_report (const char *paragraph)
{
  Rules *rules = get_rules ();
  g_autofree char *head = g_utf8_substring (paragraph, 0,
                                           MIN (g_utf8_strlen (paragraph, -1), 40));

  return g_regex_match (rules->dateline, head, 0, NULL) ||
         g_regex_match (rules->dateline_names, head, 0, NULL);
}

/* The writer named where a news agency's paragraph starts; the dateline
 * stays in the text. `本报北京6月17日电（记者赵静）`, `（中央社記者邱俊欽桃園19日電）`,
 * `〔記者巫其倫／台北報導〕`, `【丁牧群╱台北報導】`. */
void
wenji_import_take_dateline (const char        *paragraph,
                            WenjiImportFields *fields)
{
  Rules *rules = get_rules ();
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *value = NULL;
  g_autofree char *names = NULL;
  g_autofree char *head = g_utf8_substring (paragraph, 0,
                                           MIN (g_utf8_strlen (paragraph, -1), 40));

  if (!read_agency (head, fields) && fields->agency == NULL &&
      g_regex_match (rules->wire, head, 0, &match)) {
    g_autofree char *newsroom = g_match_info_fetch (match, 1);

    if (!g_str_has_prefix (newsroom, "本"))
      fields->agency = g_steal_pointer (&newsroom);
  }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (rules->dateline, head, 0, &match)) {
    for (int group = 1; group <= 3 && (value == NULL || *value == '\0'); group++) {
      g_free (value);
      value = g_match_info_fetch (match, group);
    }
    /* Each name after its role: `通讯员龙钢、记者朱贝尔`. */
    if (value != NULL) {
      char *bare = g_regex_replace_literal (rules->role_word, value, -1, 0, "", 0, NULL);

      g_free (value);
      value = bare;
    }
  }
  g_clear_pointer (&match, g_match_info_free);
  if (value == NULL && g_regex_match (rules->dateline_names, head, 0, &match))
    value = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_free);

  if (value == NULL && g_regex_match (rules->signed_text, head, 0, &match))
    value = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_free);

  if (value == NULL && (head[0] == '[' || g_str_has_prefix (head, "〔") ||
                        g_str_has_prefix (head, "【") || g_str_has_prefix (head, "（") ||
                        g_str_has_prefix (head, "(")) &&
      g_regex_match (rules->reported, head, 0, &match))
    value = g_match_info_fetch (match, 2);

  if (value != NULL && (names = wenji_import_reporter_names (value)) != NULL)
    wenji_import_add_writers (fields, names);
}
