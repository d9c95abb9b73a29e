/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saved web pages (tests/data/html): each page's article and fields, and
 * list pages refused. The pages are written for these tests in the shapes
 * of Chinese news, government and portal pages; two are stored in GBK. */
#include "config.h"

#include "wenji-core.h"
#include "wenji-import.h"
#include "test-scratch.h"

typedef struct {
  const char *file;
  const char *title;
  const char *published_at;
  const char *author;
  const char *source;
  const char *editor;
  const char *lang;
  const char *url;
  const char *body_start;
  const char *body_end;
  guint       paragraphs;
  const char *absent[8];
  const char *present[4];
} PageCase;

static const PageCase pages[] = {
  { "news-gbk-zsnews.html", "为基层减负需久久为功", "2021-02-07 15:16 +08:00", "李明", "中山日报", "王芳",
    "zh-Hans", NULL, "基层减负是一个老话题。", "社会主义新农村。", 4,
    { "相关新闻", "中山市召开", "分享到", "版权", "当前位置", "责任编辑", "0760", "星期一" } },
  { "news-gbk-people.html", "稳就业 保民生 各地多措并举助力高校毕业生就业", "2021-06-18 08:30 +08:00", "赵静",
    "人民网-人民日报", "孙红、刘洋", "zh-Hans", NULL, "本报北京6月17日电（记者赵静）今年", "尽早就业。", 3,
    { "热点排行", "国务院常务会议", "责编", "Copyright", "版 权", "来源", "人民网首页", NULL } },
  { "news-sina.html", "春运首日全国铁路发送旅客超过三百万人次", "2021-01-28 09:12 +08:00", NULL, "新华网", "张宇",
    "zh-Hans", "https://news.sina.example/c/2021-01-28/doc-spring.shtml",
    "新华社北京1月28日电 记者", "满足旅客出行需求。", 3,
    { "我要评论", "网友甲", "责任编辑", "SINA", "新浪首页", "原标题", NULL } },
  { "gov-notice.html", "关于做好2021年春节期间安全生产工作的通知", "2021-02-01 10:00 +08:00", NULL,
    "市应急管理局", NULL, "zh-Hans", NULL, "各区人民政府，市政府各部门：", "某某市人民政府办公室\n\n2021年2月1日", 7,
    { "打印本页", "关闭窗口", "浏览次数", "ICP", "联系电话", "政务公开", "发布时间", NULL } },
  { "hk-portal-hant.html", "港鐵新線下月通車 沿線居民出行更便利", "2021-05-06 10:20 +08:00", "林小美", "中央社",
    "陳大文", "zh-Hant", "https://hknews.example/2021/05/06/mtr-new-line.html",
    "港鐵公司今日宣布", "出行將方便不少。", 3,
    { "熱門新聞", "天文台", "版權", "聯絡我們", "責任編輯", "來源", NULL } },
  { "sidebar-dense.html", "社区食堂开进老旧小区 老人吃饭不再犯难", "2021-03-12", "刘洋、陈晨", "某某日报",
    NULL, "zh-Hans", NULL, "在老城区的一个老旧小区里", "住在小区的王大爷说。", 3,
    { "热点新闻", "全市一季度", "热门评论", "这个政策真好", "通讯员", "版权所有", NULL } },
  { "og-title-only.html", "科技馆暑期推出青少年科学营", "2021-07-10 09:00 +08:00", "周晓", "城市生活网", NULL,
    "zh-Hans", NULL, "暑期将至", "可通过官方网站提前报名。", 3,
    { "作者", "版权", "城市生活网", "首页", NULL } },
  { "byline-wen-slash.html", "读书的三种境界", "2021-04-23", "王小明", "某某晚报", NULL, "zh-Hans", NULL,
    "读书有三种境界。", "这才是读书的真正意义。", 3,
    { "文/", "分享到", "扫一扫", "网友", "Copyright", "发布时间", NULL } },
  { "editor-precedence.html", "夜市经济点亮城市烟火气", "2021-08-15 20:05 +08:00", "何静", "某某在线", "赵强",
    "zh-Hans", NULL, "入夜时分", "等问题的管理。", 3,
    { "小李", "责任编辑", "作者", "版权", NULL } },
  { "br-body.html", "秋日登山记", "2020-10-03", "柳青", "某某文学网", NULL, "zh-Hans", NULL,
    "十月的早晨", "心里忽然变得很安静。", 3,
    { "上一篇", "下一篇", "版权", "（完）", "发表时间", NULL } },
  { "glossed-hant.html", "市民熱議垃圾分類新規", "2021-06-01 09:30 +08:00", "陳思", "某某網", "林森",
    "zh-Hant", NULL,
    "垃圾分類新規實施以來，市民關注度持續上升。", "形成全社會共同參與的良好氛圍。", 3,
    { "(", "guān", "供稿", "瀏覽量", "文/", NULL } },
  { "contact-inside.html", "老街改造完成 百年騎樓重現風貌", "2021-09-30", "黃嘉怡", "南方某某網", NULL,
    "zh-Hant", NULL, "經過一年多的修繕", "心裡特別高興。", 3,
    { "熱線", "版權", "記者", "郵箱", "2021年9月30日", NULL } },
  /* Subheadings in <h2>, <h3> and all-bold short paragraphs stay headings;
   * a bold closing sentence stays a paragraph. */
  { "subheadings.html", "城市更新如何留住烟火气", "2022-05-18 09:30 +08:00", "郑晓", "某某日报", NULL,
    "zh-Hans", NULL, "近年来，各地老旧街区改造步伐加快。", "\n\n老街坊们说，街还是那条街，味道还是那个味道。", 10,
    { "相关阅读", "分享到", "版权", "首页", "社会", NULL },
    { "\n\n## 一、先问居民要什么\n\n", "\n\n## 二、把老店留下来\n\n", "\n\n## 三、让新业态自然生长\n\n",
      "\n\n## （四）算好长远账\n\n" } },
  /* A column's name before the headline stays, the site's after it goes;
   * 本报记者 names two reporters; the editor's credit is in brackets. */
  { "title-column.html", "城市更新｜口袋公园扮靓老城区", "2021-04-08 09:30 +08:00", "王五、赵六",
    "某某日报", "陆超", "zh-Hans", "https://www.example.cn/news/2021-04/08/content_5512.htm",
    "今年以来，市区利用边角空地", "每天都来的地方。”", 3,
    { "责任编辑", "陆超", "当前位置", "版权", "本报记者", NULL } },
  /* The article ends at its （完）; the tail after it is furniture; 审核 and
   * 校对 name no editor. */
  { "tail-chrome.html", "老旧小区加装电梯提速", "2022-03-15 10:05 +08:00", NULL, "某某晚报", "张三",
    "zh-Hans", NULL, "记者从市住建局获悉", "告别爬楼之苦。（完）", 3,
    { "分享到", "字号", "纠错", "扫一扫", "相关阅读", "全市启动", "免责声明", "网友" } },
  /* An agency's dateline names the reporter and the source; the editor's
   * credit and the date code that end the last paragraph go, as does the
   * caption; the meta time in UTC is given in the page's zone. */
  { "agency-hant.html", "颱風外圍環流影響 北部山區防豪雨", "2021-08-05 10:16 +08:00", "林宏翰",
    "中央社", "陳大文", "zh-Hant", NULL, "（中央社記者林宏翰台北5日電）", "避免進入河床。", 3,
    { "資料照", "編輯", "1100805", "訂閱", "最新更新", NULL } },
  /* A time in an element of its own, not the day the page was shown in its
   * masthead; the source after a bar; the staff and the print edition
   * after the article. */
  { "labelled-time.html", "城市轨道交通客运量创新高", "2024-05-11 09:36 +08:00", NULL, "某某商报",
    NULL, "zh-Hans", NULL, "去年全国城市轨道交通", "提高高峰时段的运力。", 3,
    { "排版", "审 读", "03版", "来源", "热门", NULL } },
  /* A paper's web edition names the paper; the reporter's dateline stays
   * in the text; an alcohol notice and a hotline after the article go. */
  { "edition-hant.html", "港都夜市攤商迎來觀光客", "2024-05-10 14:20 +08:00", "林小明", "某某時報",
    NULL, "zh-Hant", NULL, "〔記者林小明／高雄報導〕連假期間", "把人潮延續到暑假。", 3,
    { "飲酒", "生命線", "版權", NULL } },
  /* An editor's note before the article and a player's widget go; so do
   * the hotline box, a call to follow and an app's promotion after it. */
  { "preface-promo.html", "社區長照站增設夜間服務", "2023-11-02 18:40 +08:00", "陳小華", "某某新聞網",
    NULL, "zh-Hant", NULL, "台中市首批社區長照站", "希望服務能擴大到更多行政區。", 3,
    { "編者按", "播放速度", "關心您", "1925", "Twitter", "應用程式", NULL } },
  /* WeChat: the account is the source, `var ct` the date; the lead-in and
   * what follows the article go. */
  { "wechat-account.html", "老街坊的早餐铺", "2021-02-07 15:16 +08:00", NULL, "城南生活", NULL,
    "zh-Hans", "http://mp.weixin.qq.com/s/example-breakfast", "清晨六点", "图的就是一个踏实。", 3,
    { "点击蓝字", "扫码", "往期推荐", "夜市", "原创", NULL } },
  /* A video player in the body, a control bar without names and a toast
   * go; so does the release's own title set above its text. */
  { "player-deck.html", "4月全国CPI同比上涨0.3% 食品价格下降2.7%", "2024-05-11 09:36 +08:00", NULL,
    "某某统计局", NULL, "zh-Hans", NULL, "2024年4月份，全国居民消费价格同比上涨0.3%。",
    "影响居民消费价格下降。", 3,
    { "循环播放", "倍速", "1.5X", "高清", "设置成功", "00:00", "解读", NULL } },
  /* The lead in a block of its own before the rest, both of one class;
   * the newsroom's dispatch names the source, the title's end the day. */
  { "split-blocks-hant.html", "海濱長廊下月全線開放", "2012-05-17", NULL, "某某報", NULL,
    "zh-Hant", NULL, "【某某報專訊】全長四公里的海濱長廊", "增派人手管理人流。", 3,
    { "20120517", "首頁", "相關新聞", NULL } },
  /* An older WeChat page: the writer follows the date; a request to share
   * ends the article. */
  { "wechat-older.html", "一分钟了解缓存预热", "2018-01-03 21:35 +08:00", "老周", "架构小站", NULL,
    "zh-Hans", "http://mp.weixin.qq.com/s/example-cache", "系统刚上线时", "希望大伙有收获。", 3,
    { "帮转", "原创", NULL } },
};

/* Pages that are no article, and why they are refused. */
static const struct {
  const char *file;
  const char *reason;
} refused_pages[] = {
  { "list-channel.html", "does not look like an article" },
  { "channel-items.html", "does not look like an article" },
  { "list-index-gbk.html", "does not look like an article" },
  { "search-results.html", "is a page of search results" },
  { "search-title.html", "is a page of search results" },
  { "sign-in.html", "asks to sign in" },
  { "script-shell.html", "a script loads it" },
  { "feed-home.html", "does not look like an article" },
  { "forum-thread.html", "is a forum thread" },
  { "question-answers.html", "a question with its answers" },
  { "post-index.html", "does not look like an article" },
  { "error-page.html", "reports an error" },
  { "home-page.html", "home page" },
  { "shop-product.html", "a shop’s page for a product" },
  { "forum-floors.html", "is a forum thread" },
  { "board-list.html", "does not look like an article" },
  { "teaser-list.html", "does not look like an article" },
  { "teaser-cut.html", "does not look like an article" },
  { "report-list.html", "does not look like an article" },
  { "forum-post.html", "is a forum thread" },
  /* A forum's notice on its way to another page, with an advert above it. */
  { "forum-notice.html", "reports an error" },
};

static char *
page_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "html", name, NULL);
}

static guint
count_paragraphs (const char *body)
{
  guint n = 1;

  for (const char *p = strstr (body, "\n\n"); p != NULL; p = strstr (p + 2, "\n\n"))
    n++;

  return n;
}

/* Imports one page into a fresh library, as the app does, and checks what a
 * user would see of it. */
static void
test_page (Scratch       *scratch,
           gconstpointer  data)
{
  const PageCase *page = data;
  g_autofree char *path = page_path (page->file);
  g_autofree char *library_path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (library_path, &error);
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  const char *paths[] = { path, NULL };
  WenjiImportFile *file;
  const char *body;

  g_assert_no_error (error);
  report = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  file = report->files->pdata[0];
  g_assert_cmpstr (file->message, ==, NULL);
  g_assert_cmpuint (report->imported, ==, 1);

  article = wenji_library_load_article (library, g_array_index (file->ids, gint64, 0), &error);
  g_assert_no_error (error);
  body = wenji_article_get_body (article);

  g_assert_cmpstr (wenji_article_get_title (article), ==, page->title);
  g_assert_cmpstr (wenji_article_get_published_at (article), ==, page->published_at);
  g_assert_cmpstr (wenji_article_get_author (article), ==, page->author);
  g_assert_cmpstr (wenji_article_get_source (article), ==, page->source);
  g_assert_cmpstr (wenji_article_get_editor (article), ==, page->editor);
  g_assert_cmpstr (wenji_article_get_lang (article), ==, page->lang);
  g_assert_cmpstr (wenji_article_get_source_url (article), ==, page->url);

  if (!g_str_has_prefix (body, page->body_start) || !g_str_has_suffix (body, page->body_end))
    g_error ("%s: the body is\n%s", page->file, body);
  g_assert_cmpuint (count_paragraphs (body), ==, page->paragraphs);
  /* The headline is the title, not the first paragraph too. */
  g_assert_false (g_str_has_prefix (body, page->title));
  for (guint i = 0; i < G_N_ELEMENTS (page->absent) && page->absent[i] != NULL; i++)
    if (strstr (body, page->absent[i]) != NULL)
      g_error ("%s: “%s” is in the body:\n%s", page->file, page->absent[i], body);
  for (guint i = 0; i < G_N_ELEMENTS (page->present) && page->present[i] != NULL; i++)
    if (strstr (body, page->present[i]) == NULL)
      g_error ("%s: “%s” is not in the body:\n%s", page->file, page->present[i], body);
}

static void
test_refused_pages (Scratch       *scratch,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused_pages); i++) {
    g_autofree char *path = page_path (refused_pages[i].file);
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) articles = wenji_import_parse_file (path, &error);

    g_assert_null (articles);
    g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, refused_pages[i].file));
    if (strstr (error->message, refused_pages[i].reason) == NULL)
      g_error ("%s: %s", refused_pages[i].file, error->message);
  }
}

/* An article whose page gives the site's root as its own address, as some
 * sites do on every page, is still imported; the same page fetched from
 * the root is the site's home page. */
static void
test_home_addresses (void)
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  g_autofree char *path = page_path ("news-sina.html");
  g_autofree char *contents = NULL;
  g_autoptr (GString) page = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) saved = NULL;
  g_autoptr (GPtrArray) fetched = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  page = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (page, "/c/2021-01-28/doc-spring.shtml", "/", 0), >, 0);

  saved = wenji_import_parse_bytes (format, "spring.html", page->str, page->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);

  fetched = wenji_import_parse_bytes (format, "https://news.sina.example/", page->str, page->len,
                                      NULL, &error);
  g_assert_null (fetched);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "home page"));
}

/* A blog's archive of posts, or a topic's page, is known by its address;
 * a post filed under `/archives/` with its number is a post. */
static void
test_archive_addresses (void)
{
  static const struct {
    const char *address;
    gboolean    article;
  } addresses[] = {
    { "https://blog.example.cn/tag/web", FALSE },
    { "https://blog.example.cn/category/notes/page/2/", FALSE },
    { "https://blog.example.cn/archives/2018/05/", FALSE },
    { "https://blog.example.cn/archives/12345", TRUE },
    { "https://blog.example.cn/2018/05/24/tags-and-categories/", TRUE },
    /* A topic's page (专题), and articles filed in topics or a forum's. */
    { "http://zt.example.com.cn/Topic/jztpzsx/", FALSE },
    { "http://www.example.cn/zt2019/llxjj/index.htm?code=9ac3", FALSE },
    { "http://travel.example.cn/travel_zt/bmjjsy/", FALSE },
    { "http://news.example.com/special/diaoyu/detail_2012_11/02/18789500_0.shtml", TRUE },
    { "https://www3.example.jp/world/zt/news/backstories/2166/", TRUE },
    { "https://forum.example.org/topics/43661", TRUE },
  };
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  g_autofree char *path = page_path ("news-sina.html");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++) {
    g_autoptr (GPtrArray) articles = wenji_import_parse_bytes (format, addresses[i].address,
                                                               contents, strlen (contents),
                                                               NULL, NULL);

    if ((articles != NULL) != addresses[i].article)
      g_error ("%s: %s", addresses[i].address, articles ? "imported" : "refused");
  }
}

/* An account's page with no title, a line about the account and its
 * posts in a script, to be shown as cards: no article. */
static void
test_account_history (void)
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  g_autofree char *posts = g_strnfill (24000, 'x');
  g_autofree char *page = g_strdup_printf (
    "<html><head><meta charset=\"utf-8\"><title></title></head><body>"
    "<div class=\"profile_info appmsg\"><img src=\"head.png\"><strong>某某思维</strong>"
    "<p>每天一段六十秒语音，一篇新角度看世界的文章，让你每天比别人知道的多一些。</p></div>"
    "<div class=\"history\">所有消息</div><script>var msgList = '%s';</script></body></html>",
    posts);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = wenji_import_parse_bytes (format, "history.html", page,
                                                             strlen (page), NULL, &error);

  g_assert_null (articles);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "a script loads it"));
}

/* A small news page around @byline; @head goes into its <head>. */
static WenjiArticle *
parse_news_page (const char  *head,
                 const char  *byline,
                 const char  *text,
                 GError     **error)
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  g_autofree char *page = g_strdup_printf (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>市区新建三座口袋公园_某某网</title>%s</head><body>"
    "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/news/\">新闻</a></div>"
    "<h1>市区新建三座口袋公园</h1><div class=\"info\">%s</div><div class=\"content\">"
    "<p>今年以来，市区利用边角空地新建了三座口袋公园，方便周边居民就近休闲健身。</p>"
    "<p>公园里设置了步道、座椅和儿童游乐设施，傍晚时分常常聚满了散步的居民。%s</p>"
    "</div><div class=\"footer\">某某网版权所有</div></body></html>", head, byline, text);
  g_autoptr (GPtrArray) articles = wenji_import_parse_bytes (format, "page.html", page,
                                                             strlen (page), NULL, error);

  return articles != NULL ? g_object_ref (articles->pdata[0]) : NULL;
}

/* A report that quotes a price, a delivery fee and a product's details is
 * still an article: only a shop shows buttons to buy and its sales. */
static void
test_prices_in_articles (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = NULL;

  article = parse_news_page ("", "2024-05-13 10:20 来源：某某网",
                             "新款手机售价 ¥2999，网店包邮，商品详情页写明了规格。", &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
}

/* The article of a page held in @page, as if saved as @name. */
static WenjiArticle *
parse_page (const char *name,
            const char *page)
{
  const WenjiImportFormat *format = wenji_import_format_for_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = wenji_import_parse_bytes (format, name, page, strlen (page),
                                                             NULL, &error);

  g_assert_no_error (error);
  return g_object_ref (articles->pdata[0]);
}

/* Dates as bylines, meta tags and addresses give them, in the page's zone. */
static void
test_dates (void)
{
  static const struct {
    const char *head;
    const char *byline;
    const char *published_at;
  } dates[] = {
    { "", "2021年02月07日 15:16", "2021-02-07 15:16 +08:00" },
    { "", "2021-2-7 来源：某某日报", "2021-02-07" },
    { "", "发布时间：21/02/07", "2021-02-07" },
    { "", "时间：2021-02-07 15:16:08 来源：人民网", "2021-02-07 15:16 +08:00" },
    { "", "2021.02.07 15:16", "2021-02-07 15:16 +08:00" },
    { "", "2024 05/09 22:27:02", "2024-05-09 22:27 +08:00" },
    { "", "15:31 2018/09/16", "2018-09-16 15:31 +08:00" },
    { "", "Saturday, September 10th, 2005 10:56 am", "2005-09-10 10:56 +08:00" },
    { "", "五月 30, 2018", "2018-05-30" },
    { "", "十二月 3, 2019", "2019-12-03" },
    { "", "<ul><li><span>发布</span> : 01 Dec 2025 10:56</li><li>更新 : 44分钟前</li></ul>",
      "2025-12-01 10:56 +08:00" },
    /* A byline with buttons beside it, or a count of comments. */
    { "", "2012年07月11日21:38 来源：中国新闻网 参与互动 我要评论", "2012-07-11 21:38 +08:00" },
    { "", "oschina 发布于： 2012年11月03日 (22评)", "2012-11-03" },
    { "", "2006年11月29日 08:10 东方早报 <a href=\"/c\">评论(<span>3</span>)</a>",
      "2006-11-29 08:10 +08:00" },
    /* A byline with more in it than the rules read still gives its date. */
    { "", "更新于2019年2月18日 07:17 英国《金融时报》 迪米 华盛顿 ， 戴维•邦德 慕尼黑报道",
      "2019-02-18 07:17 +08:00" },
    /* The byline's day, the meta tag's time. */
    { "<meta name=\"PubDate\" content=\"2021-02-07 15:16:00\">", "2021-02-07",
      "2021-02-07 15:16 +08:00" },
    /* A page that shows no time is in the zone its meta time states. */
    { "<meta property=\"article:published_time\" content=\"2023-01-12T16:24:00+09:00\">", "",
      "2023-01-12 16:24 +09:00" },
    /* A time in UTC is given in China's zone. */
    { "<meta property=\"article:published_time\" content=\"2016-05-21T03:44:00Z\">", "",
      "2016-05-21 11:44 +08:00" },
    /* The page says its zone, or shows it against a meta time with a zone. */
    { "", "更新时间 2012年12月10日, 格林尼治标准时间10:41", "2012-12-10 10:41 +00:00" },
    /* A recommended post's date where the post's own would be; the post's
     * own in an attribute. */
    { "", "<span class=\"time\" data-time=\"2016-10-06 18:02:38\">最新推荐文章于&nbsp;2024-02-02 "
      "22:51:05&nbsp;发布</span>", "2016-10-06 18:02 +08:00" },
    /* Hong Kong's zone named between the day and the time. */
    { "", "<div class=\"createddate\">2020-08-08 HKT 15:02</div>", "2020-08-08 15:02 +08:00" },
    { "<meta property=\"article:published_time\" content=\"2022-02-06T12:48:06+00:00\">",
      "发表时间： 06/02/2022 - 13:48", "2022-02-06 13:48 +01:00" },
    /* The update's key after the post's day, before the update's own. */
    { "", "发布于 2020-05-05 更新于 2024-05-29", "2020-05-05" },
    { "", "发布日期: 2020-01-17 文章字数: 490 阅读时长: 1 分", "2020-01-17" },
    { "", "发表于 2019-09-09 | 分类： 程序人生 | 次阅读", "2019-09-09" },
    /* Reporters from two places before the shown time, which wins over the
     * meta tag's. */
    { "<meta property=\"article:published_time\" content=\"2023-08-24T13:07:00+08:00\">",
      "陳冠勳 張梓嘉 溫正衡／新北 台南報導 發布時間：2023-08-24 12:31 更新時間：2023-08-24 14:50",
      "2023-08-24 12:31 +08:00" },
    /* The site and its paper before the day, buttons after it. */
    { "", "中青在线－中国青年报 2010-05-08 [打印] [关闭] email推荐:", "2010-05-08" },
    /* An update the page shows counts when nothing else does. */
    { "", "最新更新：2014/04/04 18:33:00", "2014-04-04 18:33 +08:00" },
    /* The address, last. */
    { "<link rel=\"canonical\" href=\"http://www.example.gov.cn/xxgk/2021-02/07/content_1.htm\">",
      "", "2021-02-07" },
    { "<link rel=\"canonical\" href=\"http://www.example.gov.cn/zwgk/202102/t20210207_1.html\">",
      "", "2021-02-07" },
    /* A web archive's copy: the original's address, not the day of the copy. */
    { "<link rel=\"canonical\" href=\"https://web.archive.org/web/20160908043818/"
      "http://blog.example.cn/2007/05/24/learn-to-focus/\">", "", "2007-05-24" },
    /* A related article's date is not the page's. */
    { "", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (WenjiArticle) article = parse_news_page (dates[i].head, dates[i].byline,
                                                        "</p><p><a href=\"/1.html\">"
                                                        "相关：2020年5月1日 全市公园开放</a>",
                                                        &error);

    g_assert_no_error (error);
    if (g_strcmp0 (wenji_article_get_published_at (article), dates[i].published_at) != 0)
      g_error ("%s: %s, not %s", dates[i].byline, wenji_article_get_published_at (article),
               dates[i].published_at);
  }
}

/* Credits: two reporters from two places; 审核 and 校对 name no editor;
 * writers named by a key, a dateline or a closing bracket; an original
 * title unlike the title becomes the summary. */
static void
test_credits (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) reporters = NULL;
  g_autoptr (WenjiArticle) checkers = NULL;
  g_autoptr (WenjiArticle) retitled = NULL;
  g_autoptr (WenjiArticle) pictured = NULL;
  g_autoptr (WenjiArticle) edited = NULL;
  g_autoptr (WenjiArticle) labelled = NULL;
  g_autoptr (WenjiArticle) credited = NULL;
  static const struct {
    const char *byline;
    const char *text;
    const char *author;
  } writers[] = {
    { "", "（钟才文）", "钟才文" },
    { "", "（溫蘭魁報導）", "溫蘭魁" },
    { "", "（待续）", NULL },
    { "", "（新华社）", NULL },
    { "作者︱春春", "", "春春" },
    /* A reader's essay. */
    { "作者：网友：煮熟的米饭", "", "煮熟的米饭" },
    { "作者：网友投稿", "", NULL },
    /* Names, then their part after a slash. */
    { "陳冠勳 張梓嘉 溫正衡／新北 台南報導", "", "陳冠勳、張梓嘉、溫正衡" },
    { "鄭惟仁 鍾建剛／編譯", "", "鄭惟仁、鍾建剛" },
    /* A compiler's credit in an account's post. */
    { "整理 | 夕颜", "", "夕颜" },
    /* The word before the day is no poster's name. */
    { "发表于 2019-09-09", "", NULL },
    { "", "</p><p>作者 王之言 高孜然", "王之言、高孜然" },
    { "", "</p><p>新华社北京5月19日电（刘艺、杨吉）专家19日在北京介绍了项目进展情况。", "刘艺、杨吉" },
    /* The editor's name closing the article. */
    { "", "（郭旭）</p><p>【责任编辑：郭旭】", NULL },
    /* A writer's name in a paragraph of its own; a byline's part named by
     * its id. */
    { "", "</p><p>（羅森）", "羅森" },
    /* Reporters of two newsrooms under the text, some posted abroad. */
    { "", "</p><p>环球时报驻美国、英国、法国特约记者 肖磊 纪双城 杨明 环球时报特约记者 甄翔 柳直",
      "肖磊、纪双城、杨明、甄翔、柳直" },
    /* A reporter, then where they reported from. */
    { "", "</p><p>新京报记者 彭冲 山东冠县报道", "彭冲" },
    /* The writer's name on the first words. */
    { "", "</p><p>胡德平/文 时代发展迫切需要回答两个大课题，一是发展，二是改革。", "胡德平" },
    /* An empty writer's credit beside a button to comment. */
    { "<span>来源：新京报</span><span>作者：</span><span>我有话说（<a href=\"#\">0</a>条跟帖）</span>", "",
      NULL },
    /* A reporter's credit run on to the last words without brackets, and
     * a column's credit with what the reporter did. */
    { "", "早报记者 骆俊澎", "骆俊澎" },
    { "", "</p><p>本栏稿件由记者罗伟采写", "罗伟" },
    /* A credit that names the writer known so far and another. */
    { "", "中新网记者 宋宇晟</p><p>作者：上官云 宋宇晟", "宋宇晟、上官云" },
    /* A credit with the editor's note beside it. */
    { "", "</p><p>文 / 肖文杰 回答时有所改动", "肖文杰" },
    /* A word in brackets that names nobody. */
    { "", "</p><p>（空行）", NULL },
    /* An editor's mark of a cut is no writer. */
    { "", "</p><p>（后略）", NULL },
    /* Two names run together, and a Tibetan name of four characters. */
    { "", "</p><p>新华社拉萨电（记者罗科苏盈）记者近日从自治区农业农村厅了解到有关情况。", "罗科、苏盈" },
    { "", "</p><p>据新华社拉萨电（记者格桑边觉）记者近日从自治区农业农村厅了解到有关情况。", "格桑边觉" },
    { "<span id=\"source_baidu\">来源：中国新闻网</span> <span id=\"author_baidu\">王帆</span>", "",
      "王帆" },
    /* A name set with a space to line up with a longer one. */
    { "本报记者  王乐文  方  敏", "", "王乐文、方敏" },
    /* The web editor's name as the writer, and the writer's own credit
     * under the text, the name run on to the affiliation. */
    { "作者：陈海峰 责任编辑：陈海峰", "</p><p>(作者：方敏北京大学经济学院教授)", "方敏" },
    { "", "</p><p>（作者：欧阳晓明清华大学教授）", "欧阳晓明" },
    /* A writer's name in brackets after the date, with a byte of no
     * character beside it (a private use character once decoded). */
    { "BUSINESS.EXAMPLE.COM\u3000 2004年7月16日08:19 [ 黄宇 ]\uE5C2  来源：[ <a href=\"/p\">国际金融报</a> ]",
      "", "黄宇" },
    /* A foreign paper's correspondents, each in a place of their own. */
    { "更新于2019年2月18日 07:17 英国《金融时报》 迪米 华盛顿 ， 戴维•邦德 慕尼黑报道", "",
      "迪米、戴维•邦德" },
    /* The paper's reporters after the site's wire. */
    { "", "</p><p>【某某網訊】（香港某某報記者 顏晉傑 文森）這一夜，西洋菜南街行人專用區逼滿街頭藝人和市民。",
      "顏晉傑、文森" },
    /* Writers' names in letters, or a screen name beside a button to
     * follow them; the reader's own name in the navigation is no writer. */
    { "<span class=\"author\">Mon1st，</span><span class=\"bio\">研究人工智能</span>", "", "Mon1st" },
    { "<div class=\"entry-author\">By <address class=\"author\"><a href=\"/author/p\">刘未鹏</a>"
      "</address></div>", "", "刘未鹏" },
    { "<a class=\"follow-nickName\" href=\"/u\">crispsea</a> <a href=\"/f\">关注</a>", "",
      "crispsea" },
    { "<a class=\"user\" id=\"NavNickName\" href=\"/me\">游客甲</a>", "", NULL },
    /* A writer named after an English key. */
    { "<ul><li><span><span>Author, </span><span>李雨梦</span></span></li><li><span><span>Role, </span>"
      "<span>某某中文记者</span></span></li></ul>", "", "李雨梦" },
    /* A reporter of a rare surname after the key and a colon of Big5's
     * (U+FE30). */
    { "", "</p><p>記者︰脫芷晴</p><p>編輯︰梁偉澄", "脫芷晴" },
    /* The report's writer on a line of its own under it, and the writer
     * of the box that follows it. */
    { "（记者 冯小林）", "</p><p>文/记者 高家明</p><p>新闻延伸</p><p>业内人士建议，片方最好从技术上"
      "入手，找到服务器使用者的信息，再要求对方撤下相关视频。文/记者 冯小林", "冯小林、高家明" },
    /* Closing credits that give each name its own role, or set a name
     * with a space to line up with a longer one. */
    { "", "支持开源社区建设，构建具有全球竞争力的产业生态。（记者郭倩、实习记者陈涵旸）",
      "郭倩、陈涵旸" },
    { "", "支持开源社区建设，构建具有全球竞争力的产业生态。（记者郭倩 通讯员陈涵旸）",
      "郭倩、陈涵旸" },
    { "", "前提是对方必须拥有足够实力。”（张立军 吴 浩）", "张立军、吴浩" },
    /* A writer after `文：`, the paper and the role before the name; the
     * key inside a word names nobody. */
    { "", "</p><p>文：《中国新闻周刊》新媒体主笔 城南君", "城南君" },
    { "", "</p><p>原文：城南君", NULL },
    /* The reporter after the newsroom, in the closing brackets; a place
     * there names nobody. */
    { "", "解决问题应以公约为基础。（中国南海新闻网 栾雨石）", "栾雨石" },
    { "", "解决问题应以公约为基础。（新华网 北京）", NULL },
    /* A desk's reporter, as Taiwan's sites credit one; a desk's round-up
     * names nobody. */
    { "", "</p><p>生活中心／賴俊佑報導", "賴俊佑" },
    { "", "</p><p>社會中心／綜合報導", NULL },
    /* A writer who put the report together, and a site's reporters in its
     * dateline, in brackets or each after a role. */
    { "来源:澎湃新闻 作者:李梅综合报道 选稿:桑怡", "", "李梅" },
    { "来源:解放网 作者:李欣欣 韩小妮 实习生雷皓仪 选稿:单冉", "", "李欣欣、韩小妮、雷皓仪" },
    /* A portal's desk named as the writer is nobody's name. */
    { "2019年10月05日 11:13 作者：新浪电竞", "", NULL },
    /* A portal's desk and its writer on a line of their own above the text. */
    { "", "</p><p>新浪科技 张泽宇</p><p>传言近半年后，这家公司正式开启了赴美上市之路，招股书已经公布。",
      "张泽宇" },
    { "", "</p><p>某某网通讯员龙钢、记者朱贝尔1月11日报道：区里今天召开会议，部署新一年的工作。",
      "龙钢、朱贝尔" },
    { "", "</p><p>某某全搜索新闻网（记者 王玲）4月28日报道 评选活动的结果今日揭晓。", "王玲" },
    /* Who put a foreign report into Chinese wrote it, in the closing
     * brackets; who read it over did not. */
    { "", "这是研究者的结论。(实习编译：徐心雨 审稿：刘洋)", "徐心雨" },
    /* A writer and where they work, closing an opinion. */
    { "", "网络平台应当承担起审核责任。（刘宇超 北京市丰台区人民法院）", "刘宇超" },
    /* An account's credits under the post: who wrote it, who drew its
     * graphics. */
    { "", "</p><p>文案：薛冰倩</p><p>制图：王鑫伟 吴幸融", "薛冰倩" },
    /* The byline's reporters again in the dateline, the last two run
     * together where a line broke between them. */
    { "作者:赖泳源 刘玉锋 潘梁平 康蒙",
      "</p><p>某某在线9月26日讯(记者 赖泳源 刘玉锋 潘梁平康蒙)秋分时节，瓜果飘香，油茶果挂满枝头。",
      "赖泳源、刘玉锋、潘梁平、康蒙" },
  };

  reporters = parse_news_page ("", "2021-04-08 09:30 （通讯员 李四）", "（记者 张三）", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_author (reporters), ==, "李四、张三");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (reporters), "（记者 张三）"));

  checkers = parse_news_page ("", "2021-04-08 09:30 审核：李四 校对：王五", "", &error);
  g_assert_no_error (error);
  g_assert_null (wenji_article_get_editor (checkers));
  g_assert_null (wenji_article_get_author (checkers));
  g_assert_null (strstr (wenji_article_get_body (checkers), "审核"));
  /* A desk's name, then its editors. */
  {
    g_autoptr (WenjiArticle) desk = parse_news_page (
      "", "时间：2019/10/13 9:23:06 来源：文汇报 选稿：某某网教育频道 陈乐 夏荔", "", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (wenji_article_get_editor (desk), ==, "陈乐、夏荔");
  }
  /* Editors spaced apart, each an editor, but not the buttons after
   * them; an editor after a bar on a line of its own. */
  {
    static const struct {
      const char *text;
      const char *editor;
    } editors[] = {
      { "</p><p>值班编辑：王鑫伟</p><p>责任编辑：金雪 祁洁", "金雪、祁洁" },
      { "</p><p>责任编辑：金雪 分享 打印", "金雪" },
      { "</p><p>编辑|李茜", "李茜" },
      /* Who drew the graphics is no paragraph, nor an editor. */
      { "</p><p>制图：王鑫伟 吴幸融</p><p>责任编辑：金雪", "金雪" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (editors); i++) {
      g_autoptr (WenjiArticle) edited_by = parse_news_page ("", "2019-09-26 16:45",
                                                            editors[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (wenji_article_get_editor (edited_by), ==, editors[i].editor);
      g_assert_true (g_str_has_suffix (wenji_article_get_body (edited_by), "散步的居民。"));
    }
  }
  /* A byline's day and time without the year, on the day the address
   * files the page under, and an editor's name with a button's words run
   * on to it. */
  {
    static const char page[] =
      "<html><head><meta charset=\"utf-8\"><title>周桂香大喊感谢党的好政策_某某手机报</title></head>"
      "<body><h1>周桂香大喊感谢党的好政策</h1><div class=\"info\"><span>某某手机报</span>"
      "<span>09-27 20:12</span><span>责编：赵逸伦</span><span>我要分享</span></div>"
      "<div class=\"content\"><p>村里的产业路修通了，周桂香家的蔬菜第一次卖进了县城的超市。</p>"
      "<p>我们走的时候，她追到村口大喊：“感谢党的好政策！”一旁的乡亲们都笑了。</p></div>"
      "</body></html>";
    const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
    g_autoptr (GPtrArray) dated = wenji_import_parse_bytes (
      format, "http://news.example.cn/20190927/4803123.html", page, strlen (page), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (wenji_article_get_published_at (dated->pdata[0]), ==,
                     "2019-09-27 20:12 +08:00");
    g_assert_cmpstr (wenji_article_get_editor (dated->pdata[0]), ==, "赵逸伦");
  }
  /* The pictures' editor under the text is not the article's. */
  {
    g_autoptr (WenjiArticle) pictures = parse_news_page ("", "2021-04-08 09:30",
                                                         "</p><p>图片编辑：徐佳敏", &error);

    g_assert_no_error (error);
    g_assert_null (wenji_article_get_editor (pictures));
    g_assert_null (strstr (wenji_article_get_body (pictures), "徐佳敏"));
  }

  /* Writers named in the ways news pages name them, and names that are
   * no writer's. */
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++) {
    g_autoptr (WenjiArticle) article = parse_news_page ("", writers[i].byline, writers[i].text,
                                                        &error);

    g_assert_no_error (error);
    if (g_strcmp0 (wenji_article_get_author (article), writers[i].author) != 0)
      g_error ("%s %s: the author is %s, not %s", writers[i].byline, writers[i].text,
               wenji_article_get_author (article), writers[i].author);
    /* A credit on its own is no paragraph. */
    if (writers[i].author != NULL && strstr (wenji_article_get_body (article), "\n\n（") != NULL)
      g_error ("%s: a credit is a paragraph: %s", writers[i].text,
               wenji_article_get_body (article));
  }

  /* A site's editor named without a colon, under the text. */
  {
    g_autoptr (WenjiArticle) sited = parse_news_page ("", "", "</p><p>（松花江网编辑 孙桂芳）",
                                                      &error);

    g_assert_no_error (error);
    g_assert_cmpstr (wenji_article_get_editor (sited), ==, "孙桂芳");
    g_assert_null (strstr (wenji_article_get_body (sited), "孙桂芳"));
  }

  /* A dateline's names are no closing credit: the words after them stay. */
  {
    g_autoptr (WenjiArticle) wired = parse_news_page ("", "", "</p><p>新华社北京5月19日电（刘艺、杨吉）"
                                                      "专家19日在北京介绍了项目进展情况。", &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (wenji_article_get_body (wired), "（刘艺、杨吉）专家19日在北京介绍了项目进展情况。"));
  }

  /* The 责任编辑 of two editors on a line, set on two lines of the source
   * with &nbsp; between them; the other, in the author meta tag, is no
   * writer. */
  edited = parse_news_page ("<meta name=\"author\" content=\"倪仕轩\">", "",
                            "</p></div><div class=\"m-editor\">编辑：倪仕轩\n"
                            "    &nbsp;&nbsp;责任编辑：杨格</div><div><p>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_editor (edited), ==, "杨格");
  g_assert_null (wenji_article_get_author (edited));

  /* Parts of a byline named by their class: the source, not the button
   * beside it; the writer. A source the byline names wins over the
   * newsroom of a reporter's credit. */
  labelled = parse_news_page ("", "<span class=\"where\"><a href=\"/\">环球时报</a></span>"
                              "<span class=\"mbSourceCard\">[<a href=\"/t\">微博</a>]</span>"
                              "<span class=\"auth\">单仁平</span>", "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_source (labelled), ==, "环球时报");
  g_assert_cmpstr (wenji_article_get_author (labelled), ==, "单仁平");
  credited = parse_news_page ("", "<a class=\"source\" href=\"/\">新京报</a>",
                              "</p><p>（总台央视记者 奚丹霓 张赛）", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_source (credited), ==, "新京报");
  g_assert_cmpstr (wenji_article_get_author (credited), ==, "奚丹霓、张赛");
  /* A source's block that holds the time and a button too. */
  {
    g_autoptr (WenjiArticle) timed = parse_news_page (
      "", "<p class=\"source-time\"><span>2019-10-05&nbsp;08:51</span><span>"
      "<a href=\"https://news.example.com/4603454\">澎湃新闻</a></span><span>"
      "<a href=\"#\">评论（<b>0</b>人参与）</a></span></p>", "", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (wenji_article_get_source (timed), ==, "澎湃新闻");
    g_assert_cmpstr (wenji_article_get_published_at (timed), ==, "2019-10-05 08:51 +08:00");
  }

  /* A picture's source is not the article's. */
  pictured = parse_news_page ("", "", "</p><p>图片来源：视觉中国", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_source (pictured), ==, "某某网");

  retitled = parse_news_page ("", "原标题：老城区添了三座“口袋公园”", "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_summary (retitled), ==, "原标题：老城区添了三座“口袋公园”");
  g_assert_null (strstr (wenji_article_get_body (retitled), "原标题"));
  /* The paper's headline under the text, then the site's repeated. */
  {
    g_autoptr (WenjiArticle) retitled_below = parse_news_page (
      "", "", "</p><p>原标题：老城区添了三座“口袋公园”</p><p>市区新建三座口袋公园", &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (wenji_article_get_body (retitled_below), "聚满了散步的居民。"));
  }
}

/* Bylines that name the paper or the agency beside the reporters, or
 * after the date, and newsrooms that open a paragraph (`新浪财经讯`): the
 * paper is the source, the reporters the authors, the rest no text. */
static void
test_newsrooms (void)
{
  static const struct {
    const char *byline;
    const char *author;
    const char *source;
    const char *text;
    const char *head;
  } bylines[] = {
    { "【聯合報╱本報記者古硯偉】", "古硯偉", "聯合報" },
    { "2014-04-05 01:28 中國時報 劉屏／華盛頓4日電", "劉屏", "中國時報" },
    { "中國時報 張立勳／特稿 2013年07月18日 05:40", "張立勳", "中國時報" },
    { "<ul><li>2014-04-05 01:28</li><li>中國時報</li><li>劉屏／華盛頓4日電</li></ul>", "劉屏",
      "中國時報" },
    { "2014/03/19 18:58 彭佳芸 黃翊真 報導\u3000\u3000地區：台北市報導", "彭佳芸、黃翊真", "某某网" },
    { "2018-02-28 14:31中央社 澎湖縣28日電", NULL, "中央社" },
    { "【2014/09/22 聯合報】", NULL, "聯合報" },
    { "http://house.example.com.cn 2005年03月31日03:18 北京娱乐信报", NULL, "北京娱乐信报" },
    { "2005年03月21日 11:21 《理财周刊》", NULL, "理财周刊" },
    { "AUTO.EXAMPLE.COM 2003年11月12日16:36 金羊网—新快报", NULL, "金羊网—新快报" },
    { "转自《北京科技报》", NULL, "北京科技报" },
    { "02日14:25 作者：赵婕 出自<a href=\"/\">[人民文学出版社]</a>", "赵婕", "人民文学出版社" },
    { "作者：<!--a-->赵婕\n<!--a-->\n    出自<a href=\"/\">[人民文学出版社]</a>", "赵婕", "人民文学出版社" },
    { "", "闵乐夫、赵兰波、刘韬", "北京之春", "</p><p>执笔人：闵乐夫 赵兰波 刘韬</p><p>——《北京之春》1998年3月号" },
    { "本文来源于<a href=\"/\">国家统计局</a> 2024-05-11 09:36:26", NULL, "国家统计局" },
    { "", NULL, "新华社",
      "</p><p>据新华社拉萨电 记者近日从自治区农业农村厅了解到，全区去年改造了四万多座户用卫生厕所。" },
    { "", NULL, "1905电影网", "</p><p>1905电影网讯 以光影之名，探寻首都文化魅力，栏目将推出系列访谈节目。" },
    /* An account's name with the platform's word for it; a site's name in
     * letters and in Chinese. */
    { "<a class=\"author\" href=\"/a\"><div>纵相新闻</div><span>企鹅号</span></a>", NULL,
      "纵相新闻" },
    /* An account's name beside a follow button's words. */
    { "<div class=\"source-title\"><div class=\"source-name\"><a href=\"/m\">在人间</a></div>"
      "<div class=\"follow\"><img src=\"f.png\"><div>下载客户端<br>独家抢先看</div></div></div>",
      NULL, "在人间" },
    { "", NULL, "法国国际广播电台", NULL,
      "<meta property=\"og:site_name\" content=\"RFI - 法国国际广播电台\">" },
    /* A paper's name in Chinese and its name in English words; a brand in
     * letters that is part of the name. */
    { "", NULL, "頭條日報", NULL, "<meta property=\"og:site_name\" content=\"頭條日報 Headline Daily\">" },
    { "", NULL, "蘋果日報", NULL, "<meta property=\"og:site_name\" content=\"Apple Daily 蘋果日報\">" },
    { "", NULL, "ETtoday 新聞雲", NULL, "<meta property=\"og:site_name\" content=\"ETtoday 新聞雲\">" },
    /* The name, then its initials; a brand and its domain. */
    { "", NULL, "公視新聞網", NULL, "<meta property=\"og:site_name\" content=\"公視新聞網 PNN\">" },
    { "", NULL, "CSDN", NULL, "<meta property=\"og:site_name\" content=\"CSDN.NET\">" },
    /* A paper's breaking news is the paper. */
    { "", NULL, "信報", NULL, "<meta property=\"og:site_name\" content=\"信報即時新聞\">" },
    /* Markup shown as text, where the page meant names. */
    { "作者： size=\"20\" 来源： size=\"20\" 发布日期： 9/17/2004 5:54:13 AM", NULL, "某某网" },
    /* The site's address before its name; a box of videos under the
     * headline, titled with the name of the site's channel. */
    { "<div class=\"video\"><div class=\"title\">東網電視</div><a href=\"/tv\">更多新聞短片</a></div>", NULL,
      "東網", NULL, "<meta property=\"og:site_name\" content=\"on.cc東網\">" },
    /* A name spaced to line up with longer ones is one name. */
    { "", "赵培", "某某网", NULL, "<meta name=\"author\" content=\"赵 培\">" },
    /* A name in letters in the author tag, in brackets; an account's
     * handle there, or the site's own name, is no writer. */
    { "", "Neo Lee", "Paradigm X", NULL, "<meta name=\"author\" content=\"[Neo Lee]\">"
      "<meta property=\"og:site_name\" content=\"Paradigm X\">" },
    { "", NULL, "某某网", NULL, "<meta name=\"author\" content=\"sina_mobile\">" },
    /* A byline's credit in the author tag: its writers. */
    { "", "陳冠勳、張梓嘉、溫正衡", "某某网", NULL,
      "<meta name=\"author\" content=\"陳冠勳 張梓嘉 溫正衡／新北 台南報導\">" },
    { "", NULL, "某某网", NULL, "<meta name=\"author\" content=\"NetEase\">" },
    { "", NULL, "Paradigm X", NULL, "<meta name=\"author\" content=\"Paradigm X\">"
      "<meta property=\"og:site_name\" content=\"Paradigm X\">" },
    /* 航站楼主体 twice is no forum's 楼主. */
    { "", NULL, "某某网", "</p><p>机场航站楼主体结构今天合拢，航站楼主体工程随后转入装修阶段。" },
    /* A platform (平台) is no broadcaster (电台). */
    { "<div>官方微信平台</div>", NULL, "某某网" },
    /* The portal's meta tag for its source, and a paper's name beside a
     * link to its microblog. */
    { "", NULL, "中国新闻网", NULL, "<meta name=\"mediaid\" content=\"中国新闻网\">" },
    { "<span>2012年11月03日 08:47</span> <span>中国新闻网 <a href=\"/w\">微博</a></span>", NULL,
      "中国新闻网" },
    /* A reprint's source under the text, a link beside a disclaimer, after
     * a link to the site's app. */
    { "", NULL, "网易科技",
      "</p><p>想通过手机客户端访问本站：<a href=\"/m\">请点这里</a></p><p>本文转载自: "
      "<a href=\"/\">网易科技</a> (本站只作转载,不代表本站同意文中观点或证实文中信息)" },
    /* A paper after the date, with links to comment on it and to change
     * the page's colour. */
    { "<span>2009-07-20 08:43:57&nbsp;&nbsp;<a href=\"/\">大洋网-信息时报</a>&nbsp;|&nbsp;"
      "<a href=\"/c\">发表评论</a>(<span>0</span>)&nbsp;|&nbsp;正文背景色：</span>", NULL,
      "大洋网-信息时报" },
    /* A platform's word for a hidden name names nobody. */
    { "<span class=\"author\">知乎用户</span>", NULL, "某某网" },
    { "2007年12月11日09:39 <a href=\"/\">中国新闻网</a> <a href=\"/c\">评论<span>0</span>条</a>", NULL,
      "中国新闻网" },
    /* A paper after the date, a count of comments beside it. */
    { "2006年11月29日 08:10 东方早报 <a href=\"/c\">评论(<span>3</span>)</a>", NULL, "东方早报" },
    /* A button to comment and its count beside the byline. */
    { "来源：<a href=\"/\">某某娱乐</a> | 2012-05-01 13:28:01 | <a href=\"/c\">我来说两句</a>已有0人参与", NULL,
      "某某娱乐" },
    /* A count not yet filled in by the page's script. */
    { "2005年03月31日 08:10 北京娱乐信报 <a href=\"/c\">我要评论(<span></span>)</a>", NULL,
      "北京娱乐信报" },
    /* A writer's name with the comma before a biography; a paper's name
     * after its site's. */
    { "<span class=\"author\">方可，</span><span class=\"bio\">临床医学学生。</span>", "方可",
      "某某网" },
    { "2010-05-02 08:59:53 <a href=\"/\">大洋网―广州日报</a>", NULL, "大洋网―广州日报" },
    /* An article another account published first. */
    { "本文授权转载自公众号“现代资本主义研究”", NULL, "现代资本主义研究" },
    /* A writer's credit that names the source again names no writer. */
    { "<span>来源：<a href=\"/\">理财18</a></span> <span>作者：理财18</span>", NULL, "理财18" },
    /* Links to a reporters' blog and to write to them name no reporter. */
    { "<span>在线荐稿</span> <span>记者博客</span> <span>联系记者</span>", NULL, "某某网" },
    /* Not a date's neighbour, nor a newsroom's name: no source of its own. */
    { "2005年03月21日 11:21 市区新闻", NULL, "某某网" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bylines); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (WenjiArticle) article = parse_news_page (bylines[i].head ? bylines[i].head : "",
                                                        bylines[i].byline,
                                                        bylines[i].text ? bylines[i].text : "",
                                                        &error);

    g_assert_no_error (error);
    if (g_strcmp0 (wenji_article_get_author (article), bylines[i].author) != 0 ||
        g_strcmp0 (wenji_article_get_source (article), bylines[i].source) != 0)
      g_error ("%s: %s from %s, not %s from %s", bylines[i].byline,
               wenji_article_get_author (article), wenji_article_get_source (article),
               bylines[i].author, bylines[i].source);
    g_assert_true (g_str_has_prefix (wenji_article_get_body (article), "今年以来"));
    g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "。"));
  }

  /* A paper's company named after 版权所有, under its province's name. */
  {
    g_autoptr (WenjiArticle) article = parse_page (
      "obituary.html",
      "<html><head><meta charset=\"utf-8\"><title>著名戏曲导演去世</title></head><body>"
      "<h1>著名戏曲导演去世</h1><div class=\"content\">"
      "<p>记者从家属处获悉，著名戏曲导演因病医治无效，于昨日凌晨在上海去世，享年七十四岁。</p>"
      "<p>他一生执导了四十余部戏曲作品，多次获得国家级奖项，培养了一批青年导演。</p></div>"
      "<div class=\"footer\">版权所有 江苏扬子晚报有限公司</div></body></html>");

    g_assert_cmpstr (wenji_article_get_source (article), ==, "扬子晚报");
  }

  /* A book named in a sentence is no source. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (WenjiArticle) article = parse_news_page ("", "", "</p><p>这句话出自《论语》",
                                                        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (wenji_article_get_source (article), ==, "某某网");
    g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "这句话出自《论语》"));
  }
}

/* A blog post: the title without the writer's and the platform's names,
 * the date and the writer from the signature under the post. */
static void
test_blog_signature (void)
{
  const char *page =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>容器的一点使用经验 - 好看的hk - 博客园</title></head><body>"
    "<div id=\"header\"><h1><a href=\"/u\">好看的hk</a></h1></div>"
    "<div class=\"post\"><h2><a href=\"/p/1\">容器的一点使用经验</a></h2>"
    "<div class=\"postBody\"><p>本文以几个线上的例子，分享自己使用容器的一点经验和踩过的坑。</p>"
    "<p>脚本稍加修改即可直接使用，细节请读者自行查阅相关文档，这里不再展开。</p></div>"
    "<div id=\"digg\">推荐 反对</div>"
    "<div class=\"postDesc\">posted @ <span id=\"post-date\">2024-05-09 14:45</span>"
    "&nbsp;<a href=\"/u\">好看的hk</a>&nbsp;阅读(<span>430</span>)&nbsp;评论(<span>2</span>)"
    "&nbsp;<a href=\"/e\">编辑</a>&nbsp;<a href=\"#\">收藏</a></div></div>"
    "<div id=\"sidebar\"><a href=\"/p/2\">2023-01-01 另一篇文章</a></div></body></html>";
  g_autoptr (WenjiArticle) article = parse_page ("post.html", page);

  g_assert_cmpstr (wenji_article_get_title (article), ==, "容器的一点使用经验");
  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2024-05-09 14:45 +08:00");
  g_assert_cmpstr (wenji_article_get_author (article), ==, "好看的hk");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "博客园");
  g_assert_null (strstr (wenji_article_get_body (article), "posted"));
}

/* An old page whose <title> names only the site and a column: the line
 * of a headline's length just above the text is the headline, the site's
 * name before `>` the source. */
static void
test_title_above_text (void)
{
  const char *page =
    "<html><head><meta charset=\"utf-8\"><title>某某艺术网&gt;艺术教育</title></head><body>"
    "<table><tr><td><a href=\"/\">首页</a> | <a href=\"/edu/\">艺术教育</a></td></tr>"
    "<tr><td>您的位置：主页&gt;艺术教育&gt;院校招生资讯</td></tr>"
    "<tr align=\"center\"><td><p><strong><br>某某艺术研究院2004年博士生招生简章</strong></p></td></tr>"
    "<tr><td class=\"text\"><p>一、培养目标：培养德智体全面发展的艺术学高级专门人才，能够独立从事科学研究。</p>"
    "<p>二、报考条件：拥护中国共产党的领导，品德良好，遵纪守法，身体健康，已获得硕士学位。</p>"
    "<p>三、报名时间：二〇〇三年十一月一日至十一月三十日，逾期不再补报，请考生留意。</p></td></tr>"
    "</table></body></html>";
  g_autoptr (WenjiArticle) article = parse_page ("notice.html", page);

  g_assert_cmpstr (wenji_article_get_title (article), ==,
                   "某某艺术研究院2004年博士生招生简章");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "某某艺术网");  g_clear_object (&article);

  /* A headline set on two lines with a <br>, the page's title on one. */
  article = parse_page (
    "two-lines.html",
    "<html><head><meta charset=\"utf-8\"><title>港府拒帶頭停工 林鄭遭狂轟 「攞市民條命較飛」 | 某某日報</title>"
    "</head><body><h1>港府拒帶頭停工 林鄭遭狂轟<br/>「攞市民條命較飛」</h1><div class=\"content\">"
    "<p>【本報訊】颱風遠離香港，市民還未回氣，就因政府拒絕帶頭停工，數十萬打工仔昨早要趕上班。</p>"
    "<p>結果引爆交通大混亂，港鐵大圍站更一度有逾萬人等車，不少市民要步行上班。</p></div></body></html>");
  g_assert_cmpstr (wenji_article_get_title (article), ==, "港府拒帶頭停工 林鄭遭狂轟 「攞市民條命較飛」");
}

/* An old blog's post: the headline a line of links above the text, under
 * a <title> of the blog's name; the poster and the date on the line after
 * it, not the day the blog was made; no count of readers after the text. */
static void
test_old_blog_post (void)
{
  const char *page =
    "<html><head><meta charset=\"utf-8\"><title>某某 blog--洞庭一叶</title></head><body>"
    "<table><tr><td class=\"side\">访问:121369<br>建立于:2004年10月6日</td><td>"
    "<table><tr><td><font size=4><strong><a href=\"/s\">[湖湘文化]</a><a href=\"/p\">陈天华"
    "《警世钟》</a></strong></font><br><a href=\"/u\">ggjjzhzz</a> 发表于 2005-9-15 11:46:00"
    "</td></tr><tr><td><p>长梦千年何日醒，睡乡谁遣警钟鸣？腥风血雨难为我，好个江山忍送人！</p>"
    "<p>万丈风潮大逼人，腥膻满地血如糜；一腔无限同舟痛，献与同胞侧耳听。</p>"
    "<p>(本文发表于首页批评与建议, 已被阅读178次)</p></td></tr></table>"
    "</td></tr></table></body></html>";
  g_autoptr (WenjiArticle) article = parse_page ("post.html", page);

  g_assert_cmpstr (wenji_article_get_title (article), ==, "[湖湘文化]陈天华《警世钟》");
  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2005-09-15 11:46 +08:00");
  g_assert_cmpstr (wenji_article_get_author (article), ==, "ggjjzhzz");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "献与同胞侧耳听。"));
}

/* A time set under the text, among its widgets, is the article's; the
 * dates of related articles further down are not. */
static void
test_time_under_text (void)
{
  const char *page =
    "<html><head><meta charset=\"utf-8\"><title>徒手抓子弹真的存在吗</title></head><body>"
    "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/r\">辟谣文章</a></div>"
    "<div class=\"rumor-article\"><div class=\"rumor-title\">徒手抓子弹真的存在吗？</div>"
    "<div class=\"rumor-content\"><p>看过电影的人可能会记得火云邪神徒手抓子弹的剧情，这在现实中可能吗？</p>"
    "<p>子弹的速度大约每秒几百米，远远超过人的反应速度，所以徒手抓子弹是不可能的。</p></div>"
    "<div class=\"tags\"><a href=\"/t/1\">子弹</a> <a href=\"/t/2\">相对论</a></div>"
    "<span class=\"span_time\">时间：2019-09-24 17:08</span>"
    "<div class=\"share\">分享到：<a href=\"#\">微信</a></div>"
    "<div class=\"related\"><a href=\"/r/2\">微波炉加热食物有害健康？</a><span>2020-09-27</span></div>"
    "</div></body></html>";
  g_autoptr (WenjiArticle) article = parse_page ("rumor.html", page);
  g_autoptr (GString) edited = g_string_new (page);
  g_autoptr (WenjiArticle) column = NULL;

  g_assert_cmpstr (wenji_article_get_published_at (article), ==,
                   "2019-09-24 17:08 +08:00");

  /* A column's post shows only when it was last edited, under it. */
  g_string_replace (edited, "时间：2019-09-24 17:08", "编辑于 2018-12-11 11:34", 1);
  column = parse_page ("post.html", edited->str);
  g_assert_cmpstr (wenji_article_get_published_at (column), ==, "2018-12-11 11:34 +08:00");
}

/* A page kept in a corpus's wrapper, without a <title> of its own: the
 * wrapper gives its address and its title. */
static void
test_wrapped_page (void)
{
  const char *page =
    "<text id=\"http://www.example.net/zjgs/chapter23.html\" title=\"二十三、感赞\" "
    "encoding=\"gb2312\"><html><body><table><tr><td><div>"
    "<b>一、法官试验凡事谢恩</b><br><br>有一个法官，因为听见一位传道人常常说要凡事谢恩，"
    "就想试试他。一天，法官借故把他关进牢里，晚上去听他有什么动静。<br><br>"
    "他在牢里祷告说：感谢主，今天我能在这里安静地读经，这是我平时求也求不到的。"
    "</div></td></tr></table></body></html></text>";
  g_autoptr (WenjiArticle) article = parse_page ("chapter.html", page);

  g_assert_cmpstr (wenji_article_get_title (article), ==, "二十三、感赞");
  g_assert_cmpstr (wenji_article_get_source_url (article), ==,
                   "http://www.example.net/zjgs/chapter23.html");
}

/* A site named only in og:title's suffix, a broadcaster in letters and
 * its news: the broadcaster is the source. */
static void
test_site_in_og_title (void)
{
  const char *page =
    "<html><head><meta charset=\"utf-8\"><title>馬連會氣氛微妙</title>"
    "<meta property=\"og:title\" content=\"馬連會氣氛微妙 | TVBS 新聞\"></head><body>"
    "<h1>馬連會氣氛微妙</h1><div class=\"content\">"
    "<p>大年初一，總統照往例到榮譽主席家拜年，今年氣氛有些微妙，互動沒那麼熱絡。</p>"
    "<p>一前一後互相請來請去，兩人寒暄幾句之後，就在鏡頭前合影留念。</p></div></body></html>";
  g_autoptr (WenjiArticle) article = parse_page ("tvbs.html", page);

  g_assert_cmpstr (wenji_article_get_source (article), ==, "TVBS");
  g_clear_object (&article);

  /* A blog platform named in letters and 博客. */
  {
    g_autofree char *blog = g_strdup (page);
    char *at = strstr (blog, "TVBS 新聞");

    memcpy (at, "CSDN博客 ", strlen ("TVBS 新聞"));
    article = parse_page ("blog.html", blog);
    g_assert_cmpstr (wenji_article_get_source (article), ==, "CSDN");
  }
}

/* What stands at the edges of an article's text but is none of it: a
 * dateline on a line of its own and pictures' credits before it; a profile box with its data's
 * source (not the article's), a note in brackets, a picture's note, a
 * heading of related reports and a related article's link with its date
 * after. */
static void
test_text_edges (void)
{
  const char *page =
    "<html><head><meta charset=\"utf-8\"><title>人工智能学会用记忆回答问题_某某科技网</title></head>"
    "<body><h1>人工智能学会用记忆回答问题</h1><div class=\"content\">"
    "<p>某某中文站 10月14日报道</p><p><img src=\"/p.jpg\"></p><p>研究人员在实验室里调试程序，一遍遍地向它提问，看它能否答对 张某某/摄</p>"
    "<p><img src=\"/q.jpg\"></p><p>11月10日，世界音乐颁奖典礼在摩纳哥蒙特卡洛举行，一位歌手获得特别成就奖。 中新社发 AEG 摄</p>"
    "<p><img src=\"/r.jpg\"></p><p>研究人员宣布，这款程序下个月起将向更多的用户开放试用。（某台圖片）</p>"
    "<p>一家人工智能公司开发出一款能够用自己的记忆学习新知识、并用这些知识回答问题的计算机程序。</p>"
    "<p>南方五省区农村电网巩固提升工程全面展开</p>"
    "<p>研究人员说，这种程序可以在没有人指点的情况下，自己找出从一个地点到另一个地点的路线。</p>"
    "<p>【案件編號﹕DCCC1072/11】</p><p>案件編號：HCA304/11</p>"
    "<h2>某某程序小档案</h2><p>★问世：2014年<br>★用途：回答问题<br>资料来源：维基百科</p>"
    "<p>[图片说明1：漫画/某某]</p><p>相关报道：</p>"
    "<p>·★人工智能下棋战胜职业棋手（2016-03-15 09:37AM）</p></div></body></html>";
  g_autoptr (WenjiArticle) article = parse_page ("edges.html", page);
  const char *body = wenji_article_get_body (article);

  g_assert_true (g_str_has_prefix (body, "一家人工智能公司"));
  g_assert_true (g_str_has_suffix (body, "自己找出从一个地点到另一个地点的路线。"));
  g_assert_cmpstr (wenji_article_get_source (article), ==, "某某科技网");
  /* A heading that ends with 展开 (is launched) is no widget's `展开`. */
  g_assert_nonnull (strstr (body, "\n\n南方五省区农村电网巩固提升工程全面展开\n\n"));
}

/* The site's search named in the title after the query refuses a page; a
 * headline that ends with 搜索 does not, nor a site named for searching. */
static void
test_search_titles (void)
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  g_autofree char *path = page_path ("search-title.html");
  g_autofree char *page = NULL;
  g_autoptr (GString) search = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = NULL;

  g_file_get_contents (path, &page, NULL, &error);
  g_assert_no_error (error);
  search = g_string_new (page);
  g_string_replace (search, "口袋公园 - 搜索结果 - 某某网", "新闻搜索_某某搜索_某某网", 1);
  articles = wenji_import_parse_bytes (format, "search.html", search->str, search->len, NULL,
                                       &error);
  g_assert_null (articles);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is a page of search results"));

  article = parse_page ("story.html",
                        "<html><head><meta charset=\"utf-8\"><title>地图应用推出语音搜索_某某科技网"
                        "</title></head><body><h1>地图应用推出语音搜索</h1><div class=\"content\">"
                        "<p>一款地图应用近日推出语音搜索功能，用户说出地名就能找到路线和周边的商店。</p>"
                        "<p>开发团队表示，语音搜索支持普通话和多种方言，识别的准确率还在不断提高。</p>"
                        "</div></body></html>");
  g_assert_cmpstr (wenji_article_get_title (article), ==, "地图应用推出语音搜索");

  /* A site named for searching, `成都全搜索`, whose article's address
   * files it under its day. */
  {
    static const char story[] =
      "<html><head><meta charset=\"utf-8\"><title>评选结果揭晓_本网最新_新闻首页_某某全搜索"
      "</title></head><body><h1>评选结果揭晓</h1><div class=\"content\">"
      "<p>某某全搜索新闻网4月28日报道 十大新发现评选活动经过紧张的推荐和投票，今日结果正式揭晓。</p>"
      "<p>活动自启动以来，吸引了众多市民参与推荐和投票，引发了千万级的关注热潮。</p>"
      "</div></body></html>";
    g_autoptr (GError) refused = NULL;
    g_autoptr (GPtrArray) filed = wenji_import_parse_bytes (
      format, "http://news.example.cn/2018/0428/1969050.shtml", story, strlen (story), NULL,
      &refused);

    g_assert_no_error (refused);
    g_assert_cmpuint (filed->len, ==, 1);
  }
}

/* A foreign paper's story in translation: the update time is the date,
 * the correspondents' names are transliterated, and the translator's and
 * the other reporters' credits under the text are not its last words. */
static void
test_foreign_report (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "ft.html",
    "<html><head><meta charset=\"utf-8\"><title>西门子与阿尔斯通合并被否 - FT中文网</title></head>"
    "<body><h1>西门子与阿尔斯通合并被否</h1><div class=\"story-byline\">"
    "<span>更新于2019年2月7日 06:21</span> <span>英国《金融时报》 <a href=\"/s\">罗谢尔•托普兰斯基</a> "
    "布鲁塞尔报道</span></div><div class=\"story-body\">"
    "<p>德国和法国铁路设备制造商的合并计划被欧盟委员会否决，两家公司表示将各自寻找出路。</p>"
    "<p>阿尔斯通的负责人周二告诉记者，不会第二次尝试合并，两家公司今后将各走各的路。</p>"
    "<p><i>帕特里克•麦吉(Patrick McGee)法兰克福、戴维•基奥恩(David Keohane)巴黎补充报道</i></p>"
    "<p>译者/和风</p></div></body></html>");

  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2019-02-07 06:21 +08:00");
  g_assert_cmpstr (wenji_article_get_author (article), ==, "罗谢尔•托普兰斯基");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "金融时报");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "两家公司今后将各走各的路。"));
}

/* A few words or one short clause under a picture are its caption, not
 * the first paragraph; a sentence of more clauses under one is text. */
static void
test_picture_label (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "gdp.html",
    "<html><head><meta charset=\"utf-8\"><title>全年经济增长6.9%_某某财经</title></head><body>"
    "<h1>全年经济增长6.9%</h1><div class=\"content\">"
    "<p align=\"center\"><img src=\"http://img.example.com/gdp.jpg\"></p>"
    "<p align=\"center\">GDP增速一览</p>"
    "<p>国家统计局今天上午公布全年经济数据，国内生产总值比上年增长百分之六点九。</p>"
    "<p><img src=\"http://img.example.com/chart.jpg\"></p><p>统计局负责人表示，这是一个不低的速度。</p>"
    "<p><img src=\"http://img.example.com/press.jpg\"></p><p>统计局局长答记者问。</p>"
    "<p><img src=\"http://img.example.com/hall.jpg\"></p>"
    "<p>发布会现场，记者们在提问，统计局局长认真作答。（图源：某某图片/李四）</p>"
    "<p><img src=\"http://img.example.com/desk.jpg\"></p>"
    "<p>12月3日，统计局工作人员在整理数据。 本文图片均为某某县新闻科提供</p>"
    "<p>分季度看，一季度<a href=\"/q1\"><img src=\"http://img.example.com/icon.gif\"></a>增长七点零，"
    "二季度增长七点零，三季度增长六点九。</p></div></body></html>");
  const char *body = wenji_article_get_body (article);

  g_assert_true (g_str_has_prefix (body, "![](http://img.example.com/gdp.jpg)\n\n国家统计局今天上午公布"));
  g_assert_nonnull (strstr (body, "统计局负责人表示，这是一个不低的速度。"));
  /* One short clause under a picture is its caption too. */
  g_assert_null (strstr (body, "答记者问"));
  /* A sentence under one that credits the picture's source is its caption. */
  g_assert_null (strstr (body, "图源"));
  g_assert_null (strstr (body, "本文图片"));
  /* A linked icon in a sentence does not cut it in two. */
  g_assert_nonnull (strstr (body, "\n\n分季度看，一季度增长七点零，二季度增长七点零，三季度增长六点九。"));
}

/* A paragraph that links half its words to earlier stories is text; a
 * short line that is half a link, or a paragraph of links, is not. */
static void
test_linked_paragraph (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "linked.html",
    "<html><head><meta charset=\"utf-8\"><title>美代表团提交秘密报告_某某网</title></head><body>"
    "<h1>美代表团提交秘密报告</h1><div class=\"content\">"
    "<p>早前分别<a href=\"/1\">访问中日斡旋钓鱼岛争端的美国前任高级官员代表团</a>，本周"
    "<a href=\"/2\">向美国国务卿希拉里提交了一份秘密报告</a>，报告中表示，如果两国不加强磋商，"
    "局势很可能失控。</p>"
    "<p>据美国媒体报道，代表团成员下周将与国务卿会面，他们在报告中指出双方严重缺乏沟通。</p>"
    "<p>进入<a href=\"/bbs\">【某某财经股吧】</a>讨论</p>"
    "<p><a href=\"/3\">代表团成员名单公布</a> <a href=\"/4\">国务卿将会见代表团成员</a></p>"
    "</div></body></html>");
  const char *body = wenji_article_get_body (article);

  g_assert_true (g_str_has_prefix (body, "早前分别访问中日斡旋钓鱼岛争端的美国前任高级官员代表团"));
  g_assert_true (g_str_has_suffix (body, "双方严重缺乏沟通。"));
}

/* A notice to a reader's old browser is no text, and a page with nothing
 * else is refused; a pointer to more discussion ends an article. */
static void
test_reader_notices (void)
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  const char *home =
    "<html><head><meta charset=\"utf-8\"><title>某某网_让新闻离你更近</title></head><body>"
    "<div class=\"notice\"><p>由于您的浏览器版本过低，导致页面无法正常显示 。请您使用最新版IE浏览器"
    "或者其他浏览器访问本站，以获得更好的浏览体验。</p></div>"
    "<div class=\"nav\"><a href=\"/1\">要闻</a> <a href=\"/2\">时政</a> <a href=\"/3\">国际</a></div>"
    "</body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = wenji_import_parse_bytes (format, "home.html", home,
                                                             strlen (home), NULL, &error);
  g_autoptr (WenjiArticle) article = NULL;

  g_assert_null (articles);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);

  article = parse_page (
    "story.html",
    "<html><head><meta charset=\"utf-8\"><title>赌博障碍是一种精神疾病吗</title></head><body>"
    "<h1>赌博障碍是一种精神疾病吗</h1><div class=\"content\">"
    "<p>赌博障碍是一种精神疾病，被归为物质相关及成瘾障碍，诊断需要满足多条标准。</p>"
    "<p>这也是目前成瘾障碍中唯一的一种非物质相关障碍，治疗以心理干预为主。</p>"
    "<p>更多讨论，查看 <a href=\"/r\">知乎圆桌 · 网瘾与网络生活</a></p></div></body></html>");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "治疗以心理干预为主。"));
  g_clear_object (&article);

  /* Calls to get the paper's app or follow its channel, with their links. */
  article = parse_page (
    "app.html",
    "<html><head><meta charset=\"utf-8\"><title>機動部隊警員初步確診</title></head><body>"
    "<h1>機動部隊警員初步確診</h1><div class=\"content\">"
    "<p>衞生防護中心表示，一名機動部隊警員初步確診，他沒有病徵，曾在訓練基地接受培訓。</p>"
    "<p>與他同組的警員要接受檢疫，其餘警員要接受檢測，訓練基地亦會進行大清洗。</p>"
    "<p>實時追蹤香港新冠肺炎確診者住所/出現地點，立即下載某某日報App：<a href=\"https://bit.ly/a\">"
    "https://bit.ly/2JdOaiS</a></p>"
    "<p>訂閱Telegram最新優惠及送禮情報：<a href=\"https://bit.ly/b\">https://bit.ly/3bebLM</a></p>"
    "<p>想生活更精明，請讚好某某 Facebook</p>"
    "<p>記者：陳子謙</p></div></body></html>");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "訓練基地亦會進行大清洗。"));
  g_assert_cmpstr (wenji_article_get_author (article), ==, "陳子謙");
  g_clear_object (&article);

  /* A translation's credits and the original's address, the blogger's
   * account and the site's heading of other posts. */
  article = parse_page (
    "post.html",
    "<html><head><meta charset=\"utf-8\"><title>十个实用的脚本技巧</title></head><body>"
    "<h1>十个实用的脚本技巧</h1><div class=\"content\">"
    "<p>本文介绍十个在日常开发中很实用的技巧，它们能让代码更短，也更容易读懂和维护。</p>"
    "<p>这些技巧大多来自日常的工作，有的能省下好几行代码，有的能让逻辑更清楚，也有的能避免一些常见的错误。"
    "建议先在小项目里试用，熟悉之后再用到正式的代码中去，这样出了问题也容易发现和修改。</p>"
    "<p>如果想要等到所有任务都完成后，无论它们失败还是成功，可以使用新加入标准的方法。</p>"
    "<p>[1] Poeppel, D., Hickok, G. (2012). Towards a New Neurobiology of Language. J. Neurosci."
    "</p><p>[2] Minsky, M. Society of mind. 1988.</p>"
    "<p>作者：Mahdhi Rezvi 译者：前端小智 来源：medium</p>"
    "<p>原文：https://blog.example.io/10-super-useful-tricks-f1b76691199b</p>"
    "<p>公众号： 某某程序员</p><p>教程交流： xhd825</p><p>.F.X.1.6.8</p><p>相关热门推荐</p>"
    "<p><a href=\"/1\">另一篇关于脚本的文章</a></p></div></body></html>");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "可以使用新加入标准的方法。"));
  g_assert_cmpstr (wenji_article_get_author (article), ==, "Mahdhi Rezvi");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "medium");
}

/* The editor's credit among the links under the article, or below a
 * list of other articles. */
static void
test_editor_below (void)
{
  static const char * const tails[] = {
    "<div><a href=\"#\">【纠错】</a> <span>[责任编辑: 幸子 ]</span><br><a href=\"/app\">客户端下载</a></div>",
    "<div class=\"hot\"><ul><li><a href=\"/1\">中国大妈抢购黄金被套</a></li>"
    "<li><a href=\"/2\">华北民航局：敢让审计署来查</a></li><li><a href=\"/3\">世界上最极端的机场跑道</a></li>"
    "<li><a href=\"/4\">组图：上帝视角看地球</a></li><li><a href=\"/5\">朋友圈中的邹勇</a></li>"
    "<li><a href=\"/6\">九大机场跑道</a></li><li><a href=\"/7\">上帝视角</a></li>"
    "<li><a href=\"/8\">南航飞不起来</a></li><li><a href=\"/9\">加不起一箱油</a></li></ul>"
    "<div class=\"QQeditor\">[责任编辑：幸子]</div></div>",
    "<div id=\"editor_name\" style=\"display:none;\">幸子</div>",
    /* Named for the editors' picks or an editorial: no editor's name. */
    "<p><a class=\"editor_choice_author\" href=\"/c\">時事脈搏</a> ｜ 今日 09:47</p>",
    "<ul><li id=\"footer-submenu-forum_editorial\"><a href=\"/e\">社论</a></li></ul>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>工业增加值增长5.9%%_新华网</title></head><body>"
      "<h1>工业增加值增长5.9%%</h1><div class=\"content\">"
      "<p>国家统计局今天发布数据，十二月份规模以上工业增加值同比实际增长百分之五点九。</p>"
      "<p>分三大门类看，采矿业增加值增长，制造业增长，电力、热力、燃气及水生产和供应业增长。</p>"
      "</div>%s</body></html>", tails[i]);
    g_autoptr (WenjiArticle) article = parse_page ("editor.html", page);

    g_assert_cmpstr (wenji_article_get_editor (article), ==,
                     strstr (tails[i], "幸子") != NULL ? "幸子" : NULL);
  }
}

/* The writer's credit in a line of its own right under the article,
 * beside the editor's, but not a link's: that names another article. */
static void
test_writer_below (void)
{
  static const struct {
    const char *tail;
    const char *author;
  } tails[] = {
    { "<div class=\"footer\"><span class=\"left\"> 作者：瓦克五</span>&nbsp;&nbsp;"
      "<span class=\"ep-editor\">责任编辑：侯雁飞_NG2619</span></div>", "瓦克五" },
    { "<div class=\"more\"><a href=\"/2\">作者：王小明</a></div>", NULL },
    /* A blog's box of its post's rights: `Author: Max Fang`, `本文作者：张三`. */
    { "<div class=\"post-copyright\"><p class=\"copyright-item\"><span>Author: </span>"
      "<a href=\"http://www.example.com\">Max Fang</a></p><p class=\"copyright-item\">"
      "<span>Link: </span><a href=\"http://www.example.com/p/1\">http://www.example.com/p/1</a>"
      "</p></div>", "Max Fang" },
    { "<ul class=\"post-copyright\"><li><strong>本文作者：</strong>张三</li>"
      "<li><strong>本文链接：</strong><a href=\"/p/1\">/p/1</a></li></ul>", "张三" },
    { "<hr/><div class=\"reprint\"><div class=\"reprint__author\"><span><i>文章作者: </i></span>"
      "<span><a href=\"https://blog.example.com\">feichaoyu</a></span></div>"
      "<div class=\"reprint__type\"><span><i>文章链接: </i></span>"
      "<a href=\"/p/1\">/p/1</a></div></div>", "feichaoyu" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>游戏里的怪人们_某某游戏</title></head><body>"
      "<h1>游戏里的怪人们</h1><div class=\"content\">"
      "<p>玩了这么多年游戏，我发现最让人难忘的往往不是主角，而是那些行为古怪的配角。</p>"
      "<p>他们有的执着于收集毫无用处的道具，有的总在最关键的时刻说出莫名其妙的台词。</p>"
      "</div>%s</body></html>", tails[i].tail);
    g_autoptr (WenjiArticle) article = parse_page ("writer.html", page);

    g_assert_cmpstr (wenji_article_get_author (article), ==, tails[i].author);
  }
}

/* A blog's post in `<article>`, its headline and date in the post's own
 * `<header>`, and a subheading that repeats the headline's last words. */
static void
test_article_header (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "post.html",
    "<html><head><meta charset=\"utf-8\"><title>电影：花水木 - 某某的博客</title></head><body>"
    "<header class=\"header\"><a href=\"/\">某某的博客</a> <a href=\"/archives\">归档</a></header>"
    "<main><article class=\"post\"><header class=\"post-header\"><h1 class=\"post-title\">"
    "电影：花水木</h1><div class=\"post-meta\"><span class=\"post-time\">2020-03-16</span>"
    "</div></header><div class=\"post-content\"><h2>【花水木】</h2>"
    "<p>花水木的花语是感谢和回礼，电影里的那棵树陪着女主角一起长大。</p>"
    "<p>电影的画面配上舒服的音乐，刚开始看的时候就是被片中的音乐吸引的。</p>"
    "</div></article></main></body></html>");

  g_assert_cmpstr (wenji_article_get_title (article), ==, "电影：花水木");
  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2020-03-16");
}

/* A post's time in the machine-readable value of its `<time>`, where
 * the page shows only the day, or in the tooltip of a time shown as a
 * while ago; a time in UTC is given in the page's zone, and an update's
 * time is not the post's. */
static void
test_time_elements (void)
{
  static const struct {
    const char *meta;
    const char *published;
  } posts[] = {
    { "<time title=\"创建时间：2018-08-31 22:04:27\" itemprop=\"dateCreated datePublished\" "
      "datetime=\"2018-08-31T22:04:27+08:00\">2018-08-31</time>", "2018-08-31 22:04 +08:00" },
    { "<time datetime=\"2025-07-27T03:19:48.000Z\">2025-07-27</time>", "2025-07-27 11:19 +08:00" },
    { "<time datetime=\"2024-09-03 12:50\" pubdate>2024-09-03</time>", "2024-09-03 12:50 +08:00" },
    { "2024-09-03 <time itemprop=\"dateModified\" datetime=\"2024-09-03T12:50:00+08:00\">"
      "更新</time>", "2024-09-03" },
    /* A while ago, its exact time kept for a tooltip. */
    { "<a data-tooltip=\"2023-05-28 10:28:25\">创建于 <span title=\"2023-05-28 10:28:25\">"
      "11个月前</span></a>", "2023-05-28 10:28 +08:00" },
    { "<span class=\"ago\" title=\"2023-05-28 10:28:25\">3 days ago</span>",
      "2023-05-28 10:28 +08:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>重读旧书 | 某某的博客</title></head><body>"
      "<article><h1>重读旧书</h1><div class=\"post-meta\">%s</div><div class=\"post-body\">"
      "<p>最近把大学时读过的几本书又翻了出来，发现当年划下的句子如今读来别有一番滋味。</p>"
      "<p>书还是那几本书，读书的人却已经换了心境，这大概就是重读的意义所在吧。</p>"
      "</div></article></body></html>", posts[i].meta);
    g_autoptr (WenjiArticle) article = parse_page ("post.html", page);

    g_assert_cmpstr (wenji_article_get_published_at (article), ==, posts[i].published);
  }
}

/* Readers who call the writer 楼主 in the comments under a post, or whose
 * comments are numbered, do not make a forum thread of it. */
static void
test_comments_name_poster (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "post.html",
    "<html><head><meta charset=\"utf-8\"><title>我在南大的七年 | 某某的博客</title></head><body>"
    "<div class=\"post\"><h2>我在南大的七年</h2><div class=\"entry\">"
    "<p>跨进南大校门的第一天，我知道，我自由了。那时候并不清楚自由意味着什么。</p>"
    "<p>七年过去了，回头看那些在图书馆里度过的下午，才明白自己最该感谢的是什么。</p>"
    "</div></div><ol class=\"commentlist\">"
    "<li><cite>小王</cite> 说：<p>按照楼主的描述，那几年过得真是充实。</p></li>"
    "<li><cite>阿明</cite> 说：<p>少见楼主这种生活化的文章，还是很喜欢的。</p></li>"
    "</ol><div class=\"comments\"><p>1</p><p>写得真好</p><p>2</p><p>同感</p><p>3</p><p>收藏了</p>"
    "<p>4</p><p>好文</p><p>5</p><p>顶</p><p>6</p><p>赞</p><p>7</p><p>学习了</p><p>8</p><p>谢谢分享</p>"
    "</div></body></html>");

  g_assert_cmpstr (wenji_article_get_title (article), ==, "我在南大的七年");
}

/* A blog's widgets under a post: a pointer to more reading, a rating, a
 * widget still loading, a notice on reprinting. */
static void
test_post_widgets (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "post.html",
    "<html><head><meta charset=\"utf-8\"><title>程序的本质复杂性 | 某某博客</title></head><body>"
    "<article><h1>程序的本质复杂性</h1><div class=\"entry-content\">"
    "<p>软件的复杂性有两种，一种来自问题本身，另一种来自我们解决问题的方式。</p>"
    "<p>前一种无法消除，后一种却可以通过更好的抽象一点点减少，这正是编程的乐趣所在。</p>"
    "<p>拓展阅读：三重缓冲的来历</p>"
    "<p>（转载本站文章请注明作者和出处 某某博客 ，请勿用于任何商业用途）</p>"
    "<p>（*本文为某某科技整理文章，转载请微信联系 1092722531）</p>"
    "<div class=\"post-ratings\">(<strong>38</strong> 人打了分，平均分： <strong>4.13</strong> )</div>"
    "<div class=\"post-ratings-loading\">Loading...</div></div></article></body></html>");

  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "这正是编程的乐趣所在。"));
}

/* A person's blog, made by a blog engine, is named for its writer: the
 * name in its title and its author tag is theirs. Microdata name a writer
 * too, but not a comment's. */
static void
test_blog_writers (void)
{
  static const struct {
    const char *head;
    const char *body;
    const char *author;
  } blogs[] = {
    { "<meta name=\"generator\" content=\"Hexo 5.4.0\"><meta name=\"author\" content=\"Fechin\">",
      "", "Fechin" },
    { "<meta name=\"author\" content=\"Fechin\">", "", NULL },
    { "<meta name=\"generator\" content=\"Hexo 6.3.0\">"
      "<meta name=\"author\" content=\"FAWC,kevin@example.com\">", "", "FAWC" },
    { "", "<div class=\"site-author\" itemprop=\"author\" itemscope "
      "itemtype=\"http://schema.org/Person\"><p class=\"site-author-name\" itemprop=\"name\">"
      "陈年风楼</p></div>", "陈年风楼" },
    { "", "<ol class=\"comment-list\"><li itemscope itemtype=\"http://schema.org/Comment\">"
      "<span itemprop=\"author\">路人甲</span>：写得好</li></ol>", NULL },
  };
  static const struct {
    const char *head;
    const char *author;
  } owners[] = {
    /* The blog the title names: its owner, also among the author tag's names. */
    { "<title>机器学习基础 - davidjory的日志 - 某某博客</title>"
      "<meta name=\"author\" content=\"zwssd1980,davidjory\">", "davidjory" },
    { "<title>机器学习基础 - tangxiangpi的专栏</title>", "tangxiangpi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (blogs); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>机器学习基础 | Fechin</title>%s</head><body>"
      "<article><h1>机器学习基础</h1><div class=\"post-body\">"
      "<p>在接触机器学习之前，一提起它就会觉得深奥难懂，好像是科学家才做的事情。</p>"
      "<p>其实它并不要求计算机像人一样有情感，只是把无序的数据变成有用的信息。</p>"
      "</div></article>%s</body></html>", blogs[i].head, blogs[i].body);
    g_autoptr (WenjiArticle) article = parse_page ("post.html", page);

    g_assert_cmpstr (wenji_article_get_author (article), ==, blogs[i].author);
  }
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\">%s</head><body><div class=\"post\"><h2>机器学习基础</h2>"
      "<div class=\"post-body\"><p>在接触机器学习之前，一提起它就会觉得深奥难懂，好像是科学家才做的事情。</p>"
      "<p>其实它并不要求计算机像人一样有情感，只是把无序的数据变成有用的信息。</p></div></div>"
      "</body></html>", owners[i].head);
    g_autoptr (WenjiArticle) article = parse_page ("post.html", page);

    g_assert_cmpstr (wenji_article_get_author (article), ==, owners[i].author);
  }
}

/* A post's day and its update's, each in a `<time>` with its word after
 * it, above the headline, beside the reading time. */
static void
test_post_and_update (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "post.html",
    "<html><head><meta charset=\"utf-8\"><title>在平板上运行辅助驾驶 - 某某的博客</title></head>"
    "<body><nav><a href=\"/\">Home</a><a href=\"/archives\">Archives</a></nav>"
    "<div class=\"card\"><article class=\"card-content article\"><div class=\"article-meta\">"
    "<span class=\"level-item\"><time>2025-07-27</time>发表</span>"
    "<span class=\"level-item\"><time>2026-05-29</time>更新</span>"
    "<span class=\"level-item\">5 分钟读完 (大约823个字)</span></div>"
    "<h1 class=\"title\">在平板上运行辅助驾驶</h1><div class=\"content\">"
    "<p>之前我出过一期关于如何在平板上运行辅助驾驶的视频，各位可以先去围观一下。</p>"
    "<p>这个版本没有用到显卡进行加速，导致推理起来很慢，所以后面不了了之了。</p>"
    "</div></article></div></body></html>");

  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2025-07-27");
}

/* The headline word for word in a block whose name says it is the page's
 * header, and a site named after ` · `. */
static void
test_headline_in_header (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "doc.html",
    "<html><head><meta charset=\"utf-8\"><title>读《如何高效学习》—Madlife</title>"
    "<meta property=\"og:title\" content=\"读《如何高效学习》—Madlife · 某某文档\"></head><body>"
    "<div class=\"header-bar\"><h1 id=\"article-title\">读《如何高效学习》—Madlife</h1>"
    "</div><div class=\"article-content\">"
    "<p>这本书讲的是整体性学习，它把知识看成一张网，新学的东西要和已有的知识连起来。</p>"
    "<p>书里的方法并不神秘，难的是坚持，把每一个新概念都放回到自己的知识网里。</p>"
    "</div></body></html>");

  g_assert_cmpstr (wenji_article_get_title (article), ==, "读《如何高效学习》—Madlife");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "某某文档");
}

/* A research firm's advertisement under a report built on its figures. */
static void
test_report_advert (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = parse_news_page (
    "", "2021-03-02 来源：某某网",
    "</p><p>立足学术前沿，远瞻产业发展。更多数据请参考某某产业研究院《2021-2026年中国氢能源行业发展前景"
    "预测与投资战略规划分析报告》，同时某某产业研究院提供产业大数据、产业规划、产业申报、产业园区规划、"
    "产业招商引资等解决方案。", &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article),
                                   "傍晚时分常常聚满了散步的居民。"));
}

/* A video's link with its length under the text is no paragraph. */
static void
test_video_link_below (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = parse_news_page ("", "2021-03-02 来源：某某网",
                                                      "</p><p>觀看影片 07:12", &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article),
                                   "傍晚时分常常聚满了散步的居民。"));
}

/* An editor credited after the name, as Taiwan's papers do. */
static void
test_editor_after_name (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = parse_news_page ("", "王威雄／雲林報導",
                                                      "</p><p>洪詩宸/編輯", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_author (article), ==, "王威雄");
  g_assert_cmpstr (wenji_article_get_editor (article), ==, "洪詩宸");
}

/* A site whose pages name it nowhere but in the title of the logo that
 * links to its home page. */
static void
test_home_logo (void)
{
  static const struct {
    const char *link;
    const char *source;
  } logos[] = {
    { "<a href=\"/\" title=\"某某日报\"><i class=\"web-logo\"></i></a>", "某某日报" },
    { "<a href=\"http://daily.example.com/\" title=\"某某日报\"><img src=\"/logo.png\"></a>", "某某日报" },
    /* A link with words of its own, one to a page of the site, one whose
     * title names no site. */
    { "<a href=\"/\" title=\"某某日报\">首页</a>", NULL },
    { "<a href=\"/about\" title=\"某某日报\"><i class=\"logo\"></i></a>", NULL },
    { "<a href=\"/\" title=\"返回首页\"><i class=\"logo\"></i></a>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (logos); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>普通人如何了解靠谱的医学知识</title></head><body>"
      "<div class=\"header\">%s</div><h1>普通人如何了解靠谱的医学知识</h1><div class=\"content\">"
      "<p>医学是个非常有趣的学科，真实世界的医疗工作有极大的挑战性，医务人员会面对各式各样的压力。</p>"
      "<p>非医疗行业的人们为什么希望学习医学知识呢？学习医学知识可以满足许多人的好奇心和求知欲。</p>"
      "</div></body></html>", logos[i].link);
    g_autoptr (WenjiArticle) article = parse_page ("logo.html", page);

    g_assert_cmpstr (wenji_article_get_source (article), ==, logos[i].source);
  }
}

/* A page a script draws keeps the article's source and time in the
 * script's data, as JSON or as the script's own object. */
static void
test_script_data (void)
{
  static const char * const scripts[] = {
    "window.DATA = {\"media\":\"\\u73af\\u7403\\u65f6\\u62a5\","
    "\"pubtime\":\"2020-10-08 10:17:00\"};",
    "window.global = {\n  id: '40CMOkE8DlW',\n  resource: 'cdn',\n"
    "  source: '环球时报', // 来源\n  newsTime: '2020-10-08 10:17:00'\n};",
    "var data = {};\ndata['media'] = \"环球时报\";\ndata['publishDateTime'] = \"2020-10-08 10:17:00\";",
  };

  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>日本放宽入境限制_环球网</title>"
      "<script>%s</script></head><body><h1>日本放宽入境限制</h1><div class=\"content\">"
      "<p>日本政府宣布，从下月起放宽部分国家和地区人员的入境限制，商务人士可以申请入境。</p>"
      "<p>入境人员仍需提交核酸检测阴性证明，并在抵达后居家观察十四天。</p>"
      "</div></body></html>", scripts[i]);
    g_autoptr (WenjiArticle) article = parse_page ("script.html", page);

    g_assert_cmpstr (wenji_article_get_source (article), ==, "环球时报");
    g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2020-10-08 10:17 +08:00");
  }
}

/* A paper's registration numbers in the footer are no text; the site's
 * name in brackets in the title is its name. */
static void
test_paper_footer (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "cfi.html",
    "<html><head><meta charset=\"utf-8\"><title>航空发动机集团将成立-[中财网]</title></head>"
    "<body><h1>航空发动机集团将成立</h1><div class=\"content\">"
    "<p>据外媒报道，中国将成立航空发动机集团，总资产或达一千四百五十亿元，员工约十万人。</p>"
    "<p>多家上市公司此前公告称，正在制定航空发动机相关业务的重组整合方案。</p>"
    "<p>国内统一刊号 CN51-0127　全国邮发代号 61-149</p></div></body></html>");

  g_assert_cmpstr (wenji_article_get_source (article), ==, "中财网");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "重组整合方案。"));
}

/* The site's name after the headline in a page title is the source when
 * the page names no other, in Chinese where it gives both. */
static void
test_title_sites (void)
{
  static const struct {
    const char *title;
    const char *source;
  } titles[] = {
    { "深度学习入门笔记 - 简书", "简书" },
    { "深度学习入门笔记 | 机器之心", "机器之心" },
    { "深度学习入门笔记_哔哩哔哩_bilibili", "哔哩哔哩" },
    /* A section's name is no site's; the site's brand goes without its
     * domain. */
    { "深度学习入门笔记 - 科技 - 21CN.COM", "21CN" },
    /* A second sentence is no site's name. */
    { "深度学习入门笔记 - 从零开始，一步一步来", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>%s</title></head><body>"
      "<h1>深度学习入门笔记</h1><div class=\"content\">"
      "<p>这篇笔记记下了我学习深度学习的过程，从最简单的感知机开始，一直写到卷积网络。</p>"
      "<p>每一节都附上了能运行的代码，读者可以一边读一边动手试一试，遇到问题再回来看。</p>"
      "</div></body></html>", titles[i].title);
    g_autoptr (WenjiArticle) article = parse_page ("notes.html", page);

    g_assert_cmpstr (wenji_article_get_title (article), ==, "深度学习入门笔记");
    g_assert_cmpstr (wenji_article_get_source (article), ==, titles[i].source);
  }
}

/* A WeChat post's producer on a line of its own, `出品 | 某某大本营（ID:…）`,
 * is its source, and the summary headed `【导读】` before it is no text. */
static void
test_producer_and_lead (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "post.html",
    "<html><head><meta charset=\"utf-8\"><title>上手TensorFlow</title></head><body>"
    "<h1>上手TensorFlow</h1><div class=\"content\">"
    "<p>出品 | 科技大本营（ID:techcamp100）</p>"
    "<p>【导读】 TensorFlow 2.0 正式发布后，立即受到学术界与科研界的广泛关注与好评。</p>"
    "<p>这是一本简明的 TensorFlow 2.0 入门指导手册，基于 Keras 和即时运行模式，力图让读者快速上手。</p>"
    "<p>本手册的所有代码基于 TensorFlow 2.0 正式版，读者可以一边阅读一边运行书中的示例代码。</p>"
    "</div></body></html>");

  g_assert_cmpstr (wenji_article_get_source (article), ==, "科技大本营");
  g_assert_true (g_str_has_prefix (wenji_article_get_body (article), "这是一本简明的"));
}

/* A picture story's text stands under its byline, above the block of its
 * slideshow, which holds a picture and a caption: the text is the
 * article, not the caption. */
static void
test_picture_story (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "story.html",
    "<html><head><meta charset=\"utf-8\"><title>莉顿拍摄写真_娱乐频道_凤凰网</title></head><body>"
    "<div class=\"nav\"><a href=\"/\">首页</a>|<a href=\"/tv/\">电视</a>|"
    "<a href=\"/music/\">音乐</a></div>"
    "<div id=\"wrap\"><div class=\"wordTitle\"><h2 class=\"headword\">莉顿拍摄写真</h2>"
    "<h3 class=\"gray01\">时间：2009-11-10 09:06:53 来源：凤凰网综合 编辑：王肖楠</h3>"
    "<p>北京时间11月9日消息，《绯闻女孩》的主演莉顿近日登上了英国一家女性杂志的封面，"
    "这位人气旺盛的青年偶像为杂志拍摄了几张颇为人文的写真。</p></div>"
    "<div id=\"main\"><div class=\"leftbar\"><div class=\"onfuxBox\">"
    "<div class=\"next\"><h4><font>1</font> of 5</h4><a href=\"story_1.html\">下一张</a></div>"
    "<div class=\"photo01\"><img src=\"http://img.example.com/cover.jpg\"></div>"
    "<div class=\"wordBox pubword\"><p>GLAMOUR封面</p></div></div>"
    "<div class=\"comments\"><p>已有评论0条 显示0条网友留言</p></div></div>"
    "<div class=\"related\"><h3>相关推荐</h3><ul><li><a href=\"/a.html\">王艳拒谈准儿媳</a></li>"
    "<li><a href=\"/b.html\">胡静怀胎九月造型甜美</a></li></ul></div></div></div></body></html>");
  const char *body = wenji_article_get_body (article);

  g_assert_true (g_str_has_prefix (body, "北京时间11月9日消息"));
  g_assert_null (strstr (body, "GLAMOUR"));
  g_assert_cmpstr (wenji_article_get_editor (article), ==, "王肖楠");
}

/* A lead set in a block of its own above the block of the rest, with an
 * advertisement's script between, opens the article; a box of questions
 * above a text that opens with its byline does not, nor a standfirst
 * written straight in its block. */
static void
test_lead_block (void)
{
  static const struct {
    const char *above;
    const char *opening;
    const char *first;
  } cases[] = {
    { "<div id=\"upper\"><p>【本報專訊】政府昨公布兩星期後會展開社區檢測，市民可自願參加，"
      "港府預期每日可做近五十萬個檢測。</p></div>", "",
      "【本報專訊】政府昨公布兩星期後會展開社區檢測" },
    { "<div class=\"qa\"><p>Q1: 颱風的強度是否持續減弱？ A) 是 B) 否，正確答案: A) 是</p>"
      "<p>Q2: 本島今晚是否解除陸上警報？ A) 是 B) 否，正確答案: A) 是</p></div>",
      "<p>生活中心／王小明報導</p>", "有專家及議員認為" },
    { "<div class=\"read\">航空業訂定了遠大的目標，希望在二〇五〇年達到淨零碳排，"
      "善用廚房的廢棄物就有機會實現。</div>", "", "有專家及議員認為" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>全民自願檢測 成效打折 - 港聞 - 某報</title>"
      "</head><body><div class=\"nav\"><a href=\"/\">首頁</a> <a href=\"/news\">港聞</a></div>"
      "<h1>全民自願檢測 成效打折</h1><div class=\"date\">2020年8月22日</div>"
      "<article class=\"txt\">%s<script src=\"ad.js\"></script>"
      "<div id=\"lower\"><div class=\"articlelogin\">%s"
      "<p>有專家及議員認為，沒有禁足令配合及市民對檢測機構不信任下，計劃成效成疑。</p>"
      "<p>議員質疑政府未能公布所涉成本，又認為若市民不信任檢測機構，每日可做多少檢測並無意思，"
      "因為根本沒有這麼多市民參與。</p>"
      "<p>政府消息指，檢測為期一星期，市民可在網上預約，亦可到社區中心登記。</p>"
      "<p>有醫生指出，檢測只反映取樣當刻的情況，市民即使結果呈陰性，仍須保持社交距離，"
      "並在出現病徵時盡快求醫，以免病毒在社區傳播。</p></div>"
      "<p>相關字詞﹕<a href=\"/tag/1\">社區檢測</a></p></div></article>"
      "<div class=\"footer\">版權所有</div></body></html>",
      cases[i].above, cases[i].opening);
    g_autoptr (WenjiArticle) article = parse_page ("lead.html", page);
    const char *body = wenji_article_get_body (article);

    if (!g_str_has_prefix (body, cases[i].first))
      g_error ("case %u: %s", i, body);
  }
}

/* A pointer to related news right after the reporters' closing credit
 * ends the article, however long the story that follows it. */
static void
test_related_after_credit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GString) other = g_string_new ("</p><p>“我们还会再建两座。”（张立军 吴 浩）</p>"
                                            "<p>来源：某某日报</p><p><strong>[相关新闻]</strong></p>"
                                            "<p><strong>邻市也建起了街心花园</strong></p>");
  const char *body;

  for (guint i = 0; i < 6; i++)
    g_string_append (other, "<p>邻市今年也在老城区建起了几座街心花园，园内种植了本地的花木，"
                            "还设置了供老人下棋的石桌，附近的居民都说方便了不少。</p>");
  article = parse_news_page ("", "2018-09-28 08:00", other->str, &error);
  g_assert_no_error (error);
  body = wenji_article_get_body (article);
  g_assert_true (g_str_has_suffix (body, "（张立军 吴 浩）"));
  g_assert_null (strstr (body, "街心花园"));
  g_assert_cmpstr (wenji_article_get_author (article), ==, "张立军、吴浩");
}

/* A short line above the text that one of its sentences repeats is a
 * pull quote, not its first paragraph. */
static void
test_pull_quote (void)
{
  g_autoptr (WenjiArticle) article = NULL;

  article = parse_page ("quote.html",
                        "<html><head><meta charset=\"utf-8\"><title>办公室装门禁_某某网</title></head>"
                        "<body><h1>办公室装门禁</h1><div class=\"content\">"
                        "<p>他们关着门，风都刮不进去</p>"
                        "<p>旧时官吏办事的地方，百姓称之为衙门。如今衙门里装门禁，颇具黑色幽默。</p>"
                        "<p>有媒体报道称，县里领导的办公室都装了门禁，群众办事要先登记。</p>"
                        "<p>作风建设永远在路上。看看这个县，他们关着门，风都刮不进去。</p>"
                        "</div></body></html>");
  g_assert_true (g_str_has_prefix (wenji_article_get_body (article), "旧时官吏"));
}

/* Credits set as a table of labels and values after the text, each key
 * in a cell of its own, name the writers and the office that sent it in,
 * and are no paragraph. */
static void
test_credit_table (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "campus.html",
    "<html><head><meta charset=\"utf-8\"><title>学校与集团签署合作协议-某某大学新闻网</title></head>"
    "<body><h1>学校与集团签署合作协议</h1><div class=\"date\">2019年09月11日</div>"
    "<div class=\"article\"><p>9月10日，学校与某某集团在闵行校区签署战略合作协议，双方将在科研和人才培养方面深入合作。</p>"
    "<p>双方均表示合作前景广阔，愿意充分发挥各自的优势，共同推进落实各项协议内容。</p>"
    "<div class=\"form\"><div class=\"group\"><label>作者：</label><div>吴掬清、胡蝶</div></div>"
    "<div class=\"group\"><label>供稿单位：</label><div>科学技术发展研究院</div></div></div></div>"
    "<div class=\"tools\"><a href=\"#\">打印本页</a> <a href=\"#\">关闭窗口</a></div></body></html>");
  const char *body = wenji_article_get_body (article);

  g_assert_true (g_str_has_suffix (body, "共同推进落实各项协议内容。"));
  g_assert_cmpstr (wenji_article_get_author (article), ==, "吴掬清、胡蝶");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "科学技术发展研究院");
}

/* What a portal or a game's site puts around a text: a quotation box
 * that sums it up, a preface, an account to follow, the site's
 * disclaimer, the writer's biography; and a lead that the writer recalls
 * in a later paragraph, which stays. */
static void
test_portal_wrapping (void)
{
  g_autoptr (WenjiArticle) quoted = parse_page (
    "quoted.html",
    "<html><head><meta charset=\"utf-8\"><title>孙俪晒晚会现场照_新浪娱乐</title></head><body>"
    "<h1>孙俪晒晚会现场照</h1><div class=\"article-content-left\"><div class=\"quotation\">"
    "<p>孙俪晒出参加晚会的现场照，发文感慨是一次特别难忘的回忆，并祝愿越来越好。</p></div>"
    "<div class=\"article\" id=\"artibody\"><p>新浪娱乐讯 10月4日，孙俪晒出自己参加晚会的现场照，"
    "并配文感慨这是一次特别难忘的回忆。照片中，孙俪短发出镜，身穿蓝色上衣，尽显好气色，网友纷纷留言点赞。</p>"
    "<p>更多娱乐八卦、明星独家视频、音频，粉丝福利扫描二维码关注（sinaentertainment）</p>"
    "</div></div></body></html>");
  g_autoptr (WenjiArticle) game = parse_page (
    "game.html",
    "<html><head><meta charset=\"utf-8\"><title>特训系统介绍_某某手游网</title></head><body>"
    "<h1>特训系统介绍</h1><div class=\"content\"><p>导语：上周我们介绍了小岛探险玩法，这周来看特训。</p>"
    "<p>探险家可通过队伍组建页面进入特训系统，招募到的宝可梦数量达到上限时也会得到提醒。</p>"
    "<p>关于特训系统，探险家如果还有疑问，可以通过官方平台与我们分享！</p>"
    "<p>某某手游网微信号：m97973，最好玩的手游资讯。</p>"
    "<p>某某手游网声明：本网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。</p>"
    "</div></body></html>");
  g_autoptr (WenjiArticle) column = parse_page (
    "column.html",
    "<html><head><meta charset=\"utf-8\"><title>中国巨变70年_新浪财经</title>"
    "<meta name=\"description\" content=\"文/专栏作家 周天勇从改革开放以来的经验看，发展是硬道理。时光荏苒，"
    "转眼间，新中国成立已70周年。\"></head><body><h1>中国巨变70年</h1><div class=\"article\">"
    "<p>从改革开放以来的经验看，发展是硬道理。</p><p>时光荏苒，转眼间，新中国成立已70周年。</p>"
    "<p>回顾这些年的历程，我们更加清楚：从改革开放以来的经验看，发展是硬道理，没有发展就没有今天。</p>"
    "<p>今年是关键之年，我们需继续齐心协力，朝着高收入国家的方向迈进。</p>"
    "<p>(本文作者介绍：某某大学经济研究中心主任，某某研究院原副院长。)</p></div></body></html>");

  g_assert_true (g_str_has_prefix (wenji_article_get_body (quoted), "新浪娱乐讯"));
  g_assert_true (g_str_has_suffix (wenji_article_get_body (quoted), "网友纷纷留言点赞。"));
  g_assert_true (g_str_has_prefix (wenji_article_get_body (game), "探险家可通过"));
  g_assert_true (g_str_has_suffix (wenji_article_get_body (game), "与我们分享！"));
  g_assert_true (g_str_has_prefix (wenji_article_get_body (column), "从改革开放以来"));
  g_assert_true (g_str_has_suffix (wenji_article_get_body (column), "方向迈进。"));

  /* Notes under a text: the pictures' owner, the site's word that the
   * writer speaks for themselves, what the text drew on; and a site named
   * for the organisation that keeps it after the <title>. */
  for (guint i = 0; i < 3; i++) {
    static const char * const notes[] = {
      "图片：钱学森图书馆", "* 以上只是作者个人言论，不代表本网观点",
      "（本文部分内容根据国家博物馆、《中国文化报》等相关报道）",
    };
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>5月18日养老金增发到位-上海市某某工会</title></head>"
      "<body><div class=\"content\"><p>记者从市人社局获悉，今年本市企业退休人员的基本养老金将在5月18日"
      "增发到位，人均每月增加一百多元。</p><p>据介绍，这是本市连续第十五年调整企业退休人员基本养老金，"
      "调整采取定额增加、挂钩调整和适当倾斜相结合的办法。</p><p>%s</p></div></body></html>",
      notes[i]);
    g_autoptr (WenjiArticle) noted = parse_page ("noted.html", page);

    g_assert_cmpstr (wenji_article_get_title (noted), ==, "5月18日养老金增发到位");
    if (!g_str_has_suffix (wenji_article_get_body (noted), "相结合的办法。"))
      g_error ("%s: %s", notes[i], wenji_article_get_body (noted));
  }
}

/* A blog's licence to copy under a post is not its last paragraph; a
 * sentence of the post that names such a licence is. */
static void
test_licence_notice (void)
{
  static const struct {
    const char *last;
    gboolean    kept;
  } cases[] = {
    { "本作品采用《CC 协议》，转载必须注明作者和本文链接", FALSE },
    { "本文采用知识共享署名-非商业性使用 4.0 国际许可协议进行许可。", FALSE },
    { "这首诗收录于知识共享署名的诗集中，读者可以自由传播，这是作者的心愿。", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>解决新项目依赖报错</title></head><body>"
      "<h1>解决新项目依赖报错</h1><div class=\"content\">"
      "<p>每次打开别人新的项目，安装依赖时都会遇到各种报错，很烦，于是记下了解决的办法。</p>"
      "<p>先安装检查工具，找出缺失的依赖，再把它们一个一个装上，问题就解决了。</p>"
      "<p>%s</p></div></body></html>", cases[i].last);
    g_autoptr (WenjiArticle) article = parse_page ("post.html", page);

    g_assert_cmpint (g_str_has_suffix (wenji_article_get_body (article), cases[i].last), ==,
                     cases[i].kept);
  }
}

/* A headline with a dash of its own, linked in its heading, is the one
 * `<title>` opens with, not the longest part of `<title>`. */
static void
test_title_with_dash (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "post.html",
    "<html><head><meta charset=\"utf-8\">"
    "<title>[译]RabbitMQ教程C#版 - 远程过程调用(RPC) - Esofar - 博客园</title></head><body>"
    "<div id=\"header\"><a href=\"/\">Esofar</a></div>"
    "<h1 class=\"postTitle\"><a href=\"https://www.example.com/p/rpc.html\">"
    "<span>[译]RabbitMQ教程C#版 - 远程过程调用(RPC)</span></a></h1>"
    "<div class=\"postBody\"><p>在第二篇教程中，我们学习了如何使用工作队列在多个工作单元之间分配耗时任务。</p>"
    "<p>如果我们需要在远程计算机上运行一个函数并等待结果呢？这种模式通常被称为远程过程调用。</p>"
    "</div></body></html>");

  g_assert_cmpstr (wenji_article_get_title (article), ==, "[译]RabbitMQ教程C#版 - 远程过程调用(RPC)");
}

/* A headline in other words here and there than the page's <title> is
 * still the headline: the one the article prints. */
static void
test_title_reworded (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "news.html",
    "<html><head><meta charset=\"utf-8\">"
    "<title>【壮丽七十年】育新时代大国工匠 创世界一流科研高地_学校要闻_某某大学</title></head><body>"
    "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/news\">学校要闻</a></div>"
    "<h1>【壮丽七十年】培育新时代“大国工匠”<br/>打造世界一流科研高地</h1>"
    "<div class=\"text\"><p>学院坚持立德树人，全面贯彻党的教育方针，不断丰富和创新学生德育工作的内涵和形式。</p>"
    "<p>学院积极进行课程改革探索，多次召开研讨会，结合专业特点推动课程建设。</p>"
    "</div></body></html>");

  g_assert_cmpstr (wenji_article_get_title (article), ==,
                   "【壮丽七十年】培育新时代“大国工匠” 打造世界一流科研高地");
}

/* A page of the extraction set, tests/extract/pages/@name.html.gz, as
 * it was saved. */
static GBytes *
read_extract_page (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".html.gz", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "extract", "pages", file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) gz = g_file_new_for_path (path);
  g_autoptr (GInputStream) raw = G_INPUT_STREAM (g_file_read (gz, NULL, &error));
  g_autoptr (GConverter) gunzip =
    G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  stream = g_converter_input_stream_new (raw, gunzip);
  g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* A university's news page whose writer left every paragraph's <div>
 * unclosed, each holding the next, is read from its first paragraph; its
 * byline's time key, run on to the source before it, still keys the
 * time. */
static void
test_unclosed_paragraphs (void)
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  g_autoptr (GBytes) page = read_extract_page ("fudan_o1");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = wenji_import_parse_bytes (format, "fudan.html",
                                                             g_bytes_get_data (page, NULL),
                                                             g_bytes_get_size (page), NULL, &error);
  WenjiArticle *article;

  g_assert_no_error (error);
  article = articles->pdata[0];
  g_assert_true (g_str_has_prefix (wenji_article_get_body (article), "党的十九大报告指出"));
  g_assert_cmpstr (wenji_article_get_author (article), ==, "闫华");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "信息科学与工程学院");
}

/* A government document, tagged as the national guide for such sites asks,
 * with its disclosure index above it. */
static char *
government_page (const char *meta,
                 const char *index,
                 const char *closing)
{
  return g_strdup_printf (
    "<html><head><meta charset=\"utf-8\"><title>万载县2022年统计公报_万载县人民政府</title>"
    "<meta name=\"SiteName\" content=\"万载县人民政府\">"
    "<meta name=\"SiteIDCode\" content=\"3609220001\">%s"
    "<meta name=\"PubDate\" content=\"2023-08-16 10:33:59\"></head><body>"
    "<table>%s</table><h1>万载县2022年统计公报</h1><div class=\"content\">"
    "<p>万载县统计局 国家统计局万载调查队</p><p>（2023年5月）</p>"
    "<p>2022年，全县上下积极应对经济下行压力，高效统筹发展工作，全县经济运行呈现稳中向好的良好态势。</p>"
    "<p>一、综合</p>"
    "<p>全年实现生产总值262.6亿元，按可比价格计算，同比增长5.3%%，其中第一产业增加值增长3.9%%。</p>"
    "<p>注释：</p><p>1.本公报中数据均为初步统计数，最后以年报核定数据为准。</p>%s"
    "</div></body></html>", meta, index, closing);
}

#define ARTICLE_META "<meta name=\"ColumnName\" content=\"统计数据\">" \
                     "<meta name=\"ArticleTitle\" content=\"万载县2022年统计公报\">"
#define FULL_INDEX "<tr><td>索 引 号：</td><td>014742224A/2023-0043406</td>" \
                   "<td>生成日期：</td><td>2023-05-11</td></tr>" \
                   "<tr><td>公开方式：</td><td>主动公开</td>" \
                   "<td>责任部门：</td><td>万载县统计局</td></tr>"

/* A document's day and office are those its disclosure index files, not
 * the day the page was made again; a source the page tags wins over the
 * office, without the word for a WeChat account. Its issuers, its month
 * and its notes: only the notes are its text. */
static void
test_disclosure_index (void)
{
  g_autofree char *tagged = government_page (
    ARTICLE_META "<meta name=\"ContentSource\" content=\"江西统计 公众号\">", FULL_INDEX, "");
  g_autofree char *untagged = government_page (ARTICLE_META, FULL_INDEX, "");
  g_autofree char *unindexed = government_page (
    ARTICLE_META, "<tr><td>索引号：</td><td>014742224A/2023-0043406</td>"
    "<td>发布机构：</td><td>宜春市统计局</td></tr>", "");
  g_autoptr (WenjiArticle) article = parse_page ("bulletin.html", tagged);
  g_autoptr (WenjiArticle) office = parse_page ("bulletin.html", untagged);
  g_autoptr (WenjiArticle) plain = parse_page ("bulletin.html", unindexed);
  const char *body = wenji_article_get_body (article);

  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2023-05-11");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "江西统计");
  g_assert_true (g_str_has_prefix (body, "2022年，全县上下"));
  g_assert_true (g_str_has_suffix (body, "最后以年报核定数据为准。"));

  g_assert_cmpstr (wenji_article_get_source (office), ==, "万载县统计局");

  /* Two keys make no index. */
  g_assert_cmpstr (wenji_article_get_published_at (plain), ==, "2023-08-16 10:33 +08:00");
  g_assert_cmpstr (wenji_article_get_source (plain), ==, "万载县人民政府");
  g_assert_cmpstr (wenji_article_get_published_at (office), ==, "2023-05-11");

  /* A byline's time on the index's day stays. */
  {
    g_autoptr (GString) timed = g_string_new (untagged);
    g_autoptr (WenjiArticle) article_timed = NULL;

    g_string_replace (timed, "<div class=\"content\">",
                      "<p>发布时间：2023-05-11 10:20</p><div class=\"content\">", 1);
    article_timed = parse_page ("bulletin.html", timed->str);
    g_assert_cmpstr (wenji_article_get_published_at (article_timed), ==, "2023-05-11 10:20 +08:00");
  }
}

/* An office named in a paragraph of its own under a document is its
 * source, not its last words. */
static void
test_office_closing (void)
{
  g_autofree char *page = government_page (ARTICLE_META, "", "<p>（万载县统计局）</p>");
  g_autoptr (WenjiArticle) article = parse_page ("bulletin.html", page);

  g_assert_cmpstr (wenji_article_get_source (article), ==, "万载县统计局");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "最后以年报核定数据为准。"));
}

/* A government site's page that names no article in its tags is its home
 * page, or a column's list of pages. */
static void
test_government_pages (void)
{
  static const struct {
    const char *meta;
    const char *reason;
  } cases[] = {
    { "", "home page" },
    { "<meta name=\"ColumnName\" content=\"统计数据\">", "list of links" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *page = government_page (cases[i].meta, FULL_INDEX, "");
    const WenjiImportFormat *format = wenji_import_format_for_path ("index.html");
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) articles = wenji_import_parse_bytes (format, "index.html", page,
                                                               strlen (page), NULL, &error);

    g_assert_null (articles);
    g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, cases[i].reason));
  }
}

/* A short line set in the middle under a picture is its caption when the
 * text after it is not in the middle; a poem set in the middle keeps its
 * lines. */
static void
test_centered_caption (void)
{
  g_autoptr (WenjiArticle) story = parse_page (
    "story.html",
    "<html><head><meta charset=\"utf-8\"><title>杜琪峰西贡摆寿宴_某某娱乐</title></head><body>"
    "<h1>杜琪峰西贡摆寿宴</h1><div class=\"content\">"
    "<center><img src=\"http://img.example.com/du.jpg\"></center>"
    "<center>杜琪峰抱紧Sammi让记者拍照，张家辉在旁边照应。</center>"
    "<p>香港媒体报道，杜琪峰前晚在西贡海鲜酒家摆寿宴，筵开两席，多位演员到场祝贺。</p>"
    "<p>席间宾主尽欢，寿宴一直持续到深夜，众人才陆续散去。</p></div></body></html>");
  g_autoptr (WenjiArticle) poem = parse_page (
    "poem.html",
    "<html><head><meta charset=\"utf-8\"><title>秋夜_某某诗歌网</title></head><body>"
    "<h1>秋夜</h1><div class=\"content\">"
    "<p align=\"center\"><img src=\"http://img.example.com/moon.jpg\"></p>"
    "<p align=\"center\">月光落在窗前，像一封没有寄出的信，</p>"
    "<p align=\"center\">我把它折好，放进秋天最深的口袋里。</p>"
    "<p align=\"center\">风从远方赶来，问我是否还记得那条河，</p>"
    "<p align=\"center\">我说记得，河水一直流到了今天的夜里。</p></div></body></html>");

  /* A row of pictures, each with its caption in the middle, and the text
   * after them set in the middle too, as the page forgot to close its
   * `<center>`. */
  g_autoptr (WenjiArticle) slides = parse_page (
    "slides.html",
    "<html><head><meta charset=\"utf-8\"><title>美國擴大潔淨網絡計劃</title></head><body>"
    "<h1>美國擴大潔淨網絡計劃</h1><div class=\"content\">"
    "<div><img src=\"http://img.example.com/1.jpg\"><center>國務卿宣布擴大潔淨網絡計劃，以保護</center></div>"
    "<div><img src=\"http://img.example.com/2.jpg\"><center>應用程式對個人資料構成威脅，須</center></div>"
    "<div><img src=\"http://img.example.com/3.jpg\"><center>國務卿宣布擴大潔淨網絡計劃，以保護</center></div>"
    "<center><img src=\"http://img.example.com/dot.png\">"
    "<p>【本報記者報道】美國國務卿宣布擴大潔淨網絡行動，以保護美國的通訊及科技基建，其中要求把一些應用程式"
    "從應用商店清除，又限制一些企業的雲端服務。</p>"
    "<p>他周三發表有關聲明，指這是保護美國人民私隱以及美國企業最敏感資料的全面做法，不被惡意者侵入。</p>"
    "</div></body></html>");

  g_assert_null (strstr (wenji_article_get_body (story), "张家辉在旁边照应"));
  g_assert_nonnull (strstr (wenji_article_get_body (poem), "月光落在窗前"));
  g_assert_null (strstr (wenji_article_get_body (slides), "構成威脅"));
  g_assert_null (strstr (wenji_article_get_body (slides), "以保護\n"));
}

#define WRAPPED_BLOCK "<div class=\"outer\"><div class=\"mid\"><div class=\"inner\"><p>%s</p>" \
                      "</div></div></div><div class=\"clear\"></div>"

/* An article in blocks of one class, each in wrappers of its own: the
 * lead in the first, the rest in the others, pictures between them. (A
 * list's items set
 * the same way are no article: channel-items.html.) */
static void
test_wrapped_blocks (void)
{
  g_autoptr (GString) page = g_string_new (
    "<html><head><meta charset=\"utf-8\"><title>壽司店創辦人帶三保溫瓶出庭</title></head><body>"
    "<h1>壽司店創辦人帶三保溫瓶出庭</h1><div class=\"article\"><div class=\"photo\"><a href=\"/p.jpg\">"
    "<img src=\"/p.jpg\"><span>他昨身穿厚長褸出庭作供。</span></a></div>");
  g_autoptr (GString) rest = g_string_new (NULL);
  g_autoptr (WenjiArticle) article = NULL;

  g_string_append_printf (page, WRAPPED_BLOCK, "【本報訊】壽司店創辦人之一因品牌糾紛遭股東入稟索償，高院昨繼續審理，"
                          "他出庭作供，自言本不欲出售公司股份，但確診患病後，很多醫生都覺得他時日無多，"
                          "令他改變主意，決定賣股。");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (rest, "第%u節：他昨乘私人座駕到高院，雖然天氣已回暖，但仍身穿厚長外套，繫上頸巾。"
                            "他甫步上證人台，便從大袋中拿出三個保溫瓶放在枱上，作供期間逐瓶飲用。<br><br>",
                            i + 1);
  g_string_append (rest, "他接受盤問時，否認虛假交易之說，並重申不想把官司留給家人。");
  g_string_append_printf (page, WRAPPED_BLOCK, rest->str);
  /* More blocks of paragraphs, pictures with their captions between. */
  g_string_append (page, "<div class=\"photo_center\"><a href=\"/q.jpg\"><img src=\"/q.jpg\">"
                   "<span>他的律師團隊昨日陪同他離開高等法院。某某攝</span></a></div>");
  g_string_append_printf (page, WRAPPED_BLOCK, "他離庭時稱，身體狀況尚可應付審訊，但每日只能出庭數小時，"
                          "希望法庭體諒。代表股東的大律師則指，賠償方案對小股東並不公平，要求法庭重新評估"
                          "公司股份的價值，並由獨立的會計師行核實過去幾年的帳目，再決定應付的賠償金額。"
                          "他又說，股東之間的分歧由來已久，早在數年前已經有人提出收購，但一直未能達成協議。");
  g_string_append_printf (page, WRAPPED_BLOCK, "案件明日續審，預計雙方會再傳召多名證人，包括公司的前任會計師"
                          "和兩名早年已離開公司的董事。法官表示，考慮到被告的健康狀況，法庭會盡量縮短每日的"
                          "聆訊時間，並容許他在作供期間隨時要求休息。雙方代表律師均表示同意安排，並會盡快交換"
                          "證人的書面供詞，以免拖延審訊的進度，審訊預計需時兩星期。");
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (page, "<p><a href=\"/%u\">另一宗案件的報道標題第%u則</a></p>", i, i + 1);
  g_string_append (page, "</div></body></html>");
  article = parse_page ("lead.html", page->str);
  g_assert_true (g_str_has_prefix (wenji_article_get_body (article), "【本報訊】壽司店創辦人"));
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "審訊預計需時兩星期。"));
  g_assert_nonnull (strstr (wenji_article_get_body (article), "不想把官司留給家人。"));
}

/* A deck that sums up the report above its reporter's credit, with no
 * sentence's end, is not its first paragraph; a first paragraph above the
 * credit that ends as a sentence does stays. */
static void
test_deck_above_credit (void)
{
  static const struct {
    const char *first;
    gboolean kept;
  } firsts[] = {
    { "研究所所长李扬说，宏观政策应该相对稳定，但是改革一定要加快", FALSE },
    { "研究所所长李扬说，宏观政策应该相对稳定，但是改革一定要加快。", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (firsts); i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>经济观察报告会在京举行</title></head><body>"
      "<h1>经济观察报告会在京举行</h1><div class=\"content\">%s<br><br><b>本报记者罗科苏盈发自北京</b>"
      "<br><br>　　23日下午，在北大万众楼二层，北大中国经济研究中心向社会作了中国经济观察第一次报告会。"
      "据悉，中心将持续十年进行这样的季度观察并作报告。<br><br>　　报告认为，一季度经济增长仍然强劲，"
      "投资增速有所回落，消费保持平稳，出口增长快于预期，物价涨幅继续回落。</div></body></html>",
      firsts[i].first);
    g_autoptr (WenjiArticle) article = parse_page ("deck.html", page);

    g_assert_cmpstr (wenji_article_get_author (article), ==, "罗科、苏盈");
    g_assert_true (g_str_has_prefix (wenji_article_get_body (article), "研究所所长") == firsts[i].kept);
  }
}

/* An advert's empty box set beside the text in the middle of a sentence,
 * which closes the paragraph as the page is parsed: the sentence is one. */
static void
test_floated_box (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "report.html",
    "<html><head><meta charset=\"utf-8\"><title>儿童心理素质发展现状调查研究报告</title></head><body>"
    "<h1>儿童心理素质发展现状调查研究报告</h1><table><tr><td class=\"Content\">"
    "<P>　　为了贯彻落实儿童发展规划，<table align = left><tr><td><script>show_ad ();</script></td></tr>"
    "</table>进一步了解全市儿童目前的心理发展现状，课题组开展了本次调查和研究。\n"
    "<P>　　本次研究对象为十三至十五岁的儿童，这一年龄段是青春期的生长高峰时期，心理矛盾交织。"
    "</td></tr></table></body></html>");

  g_assert_true (g_str_has_prefix (wenji_article_get_body (article),
                                   "为了贯彻落实儿童发展规划，进一步了解全市儿童目前的心理发展现状，"));
}

/* A box that sums the article up before its text is not its first
 * paragraph; an article whose whole text sits in a block so named keeps
 * it. */
static void
test_summary_box (void)
{
  g_autoptr (WenjiArticle) summed = parse_page (
    "summed.html",
    "<html><head><meta charset=\"utf-8\"><title>全新帕萨特官图发布_某某汽车</title></head><body>"
    "<h1>全新帕萨特官图发布</h1><div class=\"post_body\"><div class=\"post_desc\">"
    "历经十八年市场淬炼，这款车留下了超过两百五十万台的销量，全新一代来了！</div>"
    "<div class=\"post_text\"><p>某某汽车10月12日报道 今日，全新一代车型官图发布，新车采用最新家族式设计。</p>"
    "<p>新车基于全新平台打造，车身尺寸有所增长，将于本月底正式上市销售。</p></div></div></body></html>");
  g_autoptr (WenjiArticle) whole = parse_page (
    "whole.html",
    "<html><head><meta charset=\"utf-8\"><title>台中墜樓案_某某新聞</title></head><body>"
    "<h1>台中墜樓案</h1><div class=\"article-desc\">"
    "<p>台中市凌晨發生一起墜樓案，一名女子從租屋處五樓墜落，送醫後仍宣告不治。</p>"
    "<p>警方已勘驗現場並報請相驗，將進一步釐清死因，家屬也對死因提出疑問。</p></div></body></html>");

  g_assert_true (g_str_has_prefix (wenji_article_get_body (summed), "某某汽车10月12日报道"));
  g_assert_true (g_str_has_prefix (wenji_article_get_body (whole), "台中市凌晨發生一起墜樓案"));

  /* A standfirst set straight in its block says what the description
   * says; a lead in a paragraph that does is the article's first. */
  for (guint i = 0; i < 2; i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>酒駕撞老翁 | 某某新聞網</title>"
      "<meta name=\"description\" content=\"24日凌晨，一名老翁在行走斑馬線時遭酒駕車輛撞擊，"
      "目前正在醫院搶救中。\"></head><body><h1>酒駕撞老翁</h1><div class=\"post\">"
      "%s24日凌晨，一名老翁在行走斑馬線時遭酒駕車輛撞擊，目前正在醫院搶救中。%s"
      "<p>白色轎車油門狂催，在道路高速奔馳，通過路口不減速，一名男子過馬路被撞飛。</p>"
      "<p>開車的是二十九歲男子，酒測值超標，被依公共危險罪移送法辦，車上三人也遭連坐處罰。</p>"
      "</div></body></html>", i == 0 ? "<div class=\"articleimg\">" : "<p>",
      i == 0 ? "</div>" : "</p>");
    g_autoptr (WenjiArticle) article = parse_page ("standfirst.html", page);

    g_assert_true (g_str_has_prefix (wenji_article_get_body (article),
                                     i == 0 ? "白色轎車" : "24日凌晨"));
  }
}

/* A note that names were changed and thanks to those who helped close a
 * feature but are not its last words. */
static void
test_closing_notes (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "feature.html",
    "<html><head><meta charset=\"utf-8\"><title>红海危机困住外贸人_某某网</title></head>"
    "<body><h1>红海危机困住外贸人</h1><div class=\"content\">"
    "<p>林影在广州一家外贸公司上班，每天和中东、非洲的客户打交道，最熟悉的航线是红海航线。</p>"
    "<p>红海危机产生的动荡，正一波一波随着大海洋流，来到我们的身边。</p>"
    "<p>文中林影为化名</p><p>感谢货代老王、孙书傲为本文提供的帮助</p></div></body></html>");
  g_autoptr (WenjiArticle) excerpt = parse_page (
    "excerpt.html",
    "<html><head><meta charset=\"utf-8\"><title>父亲的最后二十年</title></head>"
    "<body><h1>父亲的最后二十年</h1><div class=\"content\">"
    "<p>问：你母亲是著名声乐教授，她跟你父亲是怎样的相处模式？</p>"
    "<p>答：我母亲基本上是夫唱妇随，更多是陪着我父亲，也会说说文艺界的情况。</p>"
    "<p>（本文节选自《专访：父亲的最后二十年》。）</p>"
    "<p>某某新闻原创稿件，转载请注明出处</p><p>作者：高渊</p><p>微信编辑：大白</p>"
    "</div></body></html>");

  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "来到我们的身边。"));
  /* A note of where the text is taken from is not its last words. */
  g_assert_true (g_str_has_suffix (wenji_article_get_body (excerpt), "也会说说文艺界的情况。"));
}

/* A box of other reading the site's editor set inside the text, titled
 * so (`<pre title="推荐">`), is not the article's end. */
static void
test_reading_box (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "box.html",
    "<html><head><meta charset=\"utf-8\"><title>两兄弟先后坠楼身亡_某某新闻</title></head>"
    "<body><h1>两兄弟先后坠楼身亡</h1><div class=\"post_text\">"
    "<p>11月2日，某地两兄弟从自家所在居民楼楼顶坠下身亡，目前警方已介入调查。</p>"
    "<p>经查，兄弟二人先后从一楼房7楼坠下，经医务人员现场抢救无效身亡。</p>"
    "<pre datatype=\"specialtag\" datavalue=\"推荐\" title=\"推荐\">"
    "<p><a href=\"/news/a/1.html\">某地一高一女生在宿舍楼坠亡</a></p>"
    "<p>11月2日，某地一名高一女生攀爬宿舍5楼阳台后坠楼身亡，其曾将纸条交给同学。</p></pre>"
    "<div class=\"ep-source\">本文来源：某某视频 责任编辑：韩某</div></div></body></html>");
  const char *body = wenji_article_get_body (article);

  g_assert_true (g_str_has_suffix (body, "经医务人员现场抢救无效身亡。"));
  g_assert_null (strstr (body, "女生"));
}

/* A caption in brackets above the text, its photographer last, is no
 * paragraph; the dateline's paragraph after it opens the text. */
static void
test_bracketed_caption (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "caption.html",
    "<html><head><meta charset=\"utf-8\"><title>油茶产业结出致富果_某某在线</title></head>"
    "<body><h1>油茶产业结出致富果</h1><div class=\"content\">"
    "<p>(9月26日上午，媒体团来到新建村，探访当地村民脱贫增收的“法宝”。某某日报记者 徐行 摄)</p>"
    "<p>某某在线9月26日讯(记者 赖泳源)秋分时节，瓜果飘香。油茶基地里，红黄相间的油茶果挂满枝头。</p>"
    "<p>9月26日上午，媒体团来到新建村，感受油茶果丰收的喜悦。</p></div></body></html>");

  g_assert_true (g_str_has_prefix (wenji_article_get_body (article), "某某在线9月26日讯"));
}

/* A dateline on a line of its own before the text, `网易体育10月13日报道：`, is
 * no paragraph. */
static void
test_dateline_line (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "dateline.html",
    "<html><head><meta charset=\"utf-8\"><title>独行侠与丁彦雨航重新签约_网易体育</title></head>"
    "<body><h1>独行侠与丁彦雨航重新签约</h1><div class=\"content\"><p>网易体育10月13日报道：</p>"
    "<p>据记者报道，达拉斯独行侠队与中国球员丁彦雨航重新签了一份合同，合同细节暂未公布。</p>"
    "<p>丁彦雨航此前因伤缺席了季前赛，球队希望他尽快恢复状态，在新赛季出场。</p>"
    "</div></body></html>");

  g_assert_true (g_str_has_prefix (wenji_article_get_body (article), "据记者报道"));
}

/* A second story run on after the article, under its own headline and
 * report credit, is not the article; a subheading without a credit is. */
static void
test_second_story (void)
{
  const char *page =
    "<html><head><meta charset=\"utf-8\"><title>美再要求台灣負責任_中時電子報</title></head>"
    "<body><h1>美再要求台灣負責任</h1><div class=\"content\"><p>劉屏／華盛頓4日電</p>"
    "<p>美國國務院官員3日在國會聽證會上指出，希望台灣各方以負責任的態度處理當前的爭議。</p>"
    "<p>要平和更要負責任</p>"
    "<p>這是美國十年來第三度使用負責任一詞向台灣喊話，前兩次的對象都是當時的執政當局。</p>"
    "<p>回顧美國前兩次的用詞，一次在二〇〇七年，另一次在二〇〇四年，都與選舉有關。</p>"
    "<p>府：不可能操作美國</p><p>楊舒媚／台北報導</p>"
    "<p>總統府人士表示，府方不可能操作美國，美方自有判斷。</p></div></body></html>";
  g_autoptr (WenjiArticle) article = parse_page ("story.html", page);
  const char *body = wenji_article_get_body (article);

  g_assert_true (g_str_has_suffix (body, "都與選舉有關。"));
  g_assert_nonnull (strstr (body, "\n\n要平和更要負責任\n\n"));
  g_assert_cmpstr (wenji_article_get_author (article), ==, "劉屏");
}

/* A second story in a box under the article, its label and headline, then
 * its own dateline naming its reporter: neither its text nor its reporter
 * is the article's. A dateline opening the article is its reporter's. */
static void
test_second_story_dateline (void)
{
  const char *page =
    "<html><head><meta charset=\"utf-8\"><title>音乐剧《我爱你》巡演_21CN娱乐</title></head>"
    "<body><h1>音乐剧《我爱你》巡演</h1><div class=\"content\">"
    "<p>信息时报7月20日报道 近日，百老汇音乐剧《我爱你》中文版在宁波拉开全国巡演序幕，"
    "林依轮在剧中一人分饰十六个角色。</p>"
    "<p>这部音乐剧问世十几年来在全球上演四千多场，将于八月登陆广州黄花岗剧院。</p>"
    "<p>解读《我爱你》</p>"
    "<p>音乐剧的原版于1996年在纽约首演，如今已成为外百老汇连续演出时间最长的音乐剧之一。</p>"
    "<p>链接</p><p>《陪我看电视》赴台巡演</p><p>林依轮借演出寻美食</p>"
    "<p>信息时报讯（记者谢奕娟）除主演《我爱你》外，林依轮也获邀赴台湾出演舞台剧。</p>"
    "</div></body></html>";
  g_autoptr (WenjiArticle) article = parse_page ("story.html", page);
  g_autoptr (WenjiArticle) report = NULL;
  const char *body = wenji_article_get_body (article);

  g_assert_true (g_str_has_suffix (body, "连续演出时间最长的音乐剧之一。"));
  g_assert_null (strstr (body, "链接"));
  g_assert_null (wenji_article_get_author (article));

  report = parse_page ("report.html",
                       "<html><head><meta charset=\"utf-8\"><title>赴台巡演</title></head>"
                       "<body><h1>赴台巡演</h1><div class=\"content\">"
                       "<p>信息时报讯（记者谢奕娟）除主演《我爱你》外，林依轮也获邀赴台湾出演"
                       "赖声川执导的舞台剧《陪我看电视》。</p>"
                       "<p>林依轮不讳言品尝美食是此番台湾行的很私人的目的，台湾美食多到数不过来。</p>"
                       "</div></body></html>");
  g_assert_cmpstr (wenji_article_get_author (report), ==, "谢奕娟");
}

/* A news brief under the article, its headline and one paragraph that
 * opens on its day and closes on its reporter's credit: the credit is the
 * brief's, and the article above named nobody. A last section that opens
 * otherwise is the article's, and so is its reporter. */
static void
test_second_story_brief (void)
{
  static const char *const endings[] = { "4月2日至4日，", "会上，" };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++) {
    g_autofree char *page = g_strconcat (
      "<html><head><meta charset=\"utf-8\"><title>年轻夫妇怎样投资一套小户型_新浪房产</title></head>"
      "<body><h1>年轻夫妇怎样投资一套小户型</h1><div class=\"content\">"
      "<p>王先生夫妇结婚三年，手头有十多万元存款，想拿出一部分买一套小户型出租。</p>"
      "<p><strong>方案一</strong></p>"
      "<p>东四环附近有几个小户型项目，总价三十多万元，首付不到十万，租金大致能还上月供。</p>"
      "<p>另一个办法是买一套二手房，位置好一些的老小区总价不高，出租也不难，只是房龄偏大，"
      "贷款年限会短一些，月供因此要高出一截，夫妇俩还要再算一算每个月能拿出多少钱。</p>"
      "<p><strong>贴心提醒</strong></p>"
      "<p>投资小户型要先看周边有没有稳定的租客，写字楼和大学附近最好，其次再看物业和交通。</p>"
      "<p><strong>房产投资讲座周末举行</strong></p><p>", endings[i],
      "由本报主办的房产投资讲座将在国贸举行，几位专家会为读者讲解小户型投资。"
      "(信报记者 周小燕)</p></div></body></html>", NULL);
    g_autoptr (WenjiArticle) article = parse_page ("brief.html", page);
    const char *body = wenji_article_get_body (article);

    if (i == 0) {
      g_assert_null (wenji_article_get_author (article));
      g_assert_true (g_str_has_suffix (body, "其次再看物业和交通。"));
      g_assert_null (strstr (body, "讲座周末举行"));
    } else {
      g_assert_cmpstr (wenji_article_get_author (article), ==, "周小燕");
      g_assert_nonnull (strstr (body, "讲座周末举行"));
    }
  }
}

/* A WeChat page of 2019: the header's `原创：` mark, the writer, then the
 * account. The writer is the author and the account the source, not the
 * two run together. */
static void
test_wechat_original_mark (void)
{
  g_autoptr (WenjiArticle) article = parse_page (
    "wechat.html",
    "<html><head><meta charset=\"utf-8\"><meta name=\"author\" content=\"高渊\"><title></title>"
    "</head><body><div id=\"img-content\"><h2 class=\"rich_media_title\" id=\"activity-name\">"
    "专访：父亲的最后二十年</h2><div id=\"meta_content\" class=\"rich_media_meta_list\">"
    "<span id=\"copyright_logo\" class=\"rich_media_meta meta_tag_text\">原创：</span>"
    "<span class=\"rich_media_meta rich_media_meta_text\">高渊</span>"
    "<span class=\"rich_media_meta rich_media_meta_nickname\" id=\"profileBt\">"
    "<a href=\"javascript:void(0);\" id=\"js_name\">某某新闻</a></span>"
    "<em id=\"publish_time\" class=\"rich_media_meta rich_media_meta_text\"></em></div>"
    "<div class=\"rich_media_content\" id=\"js_content\">"
    "<p>问：你母亲是著名声乐教授，她跟你父亲是怎样的相处模式？</p>"
    "<p>答：我母亲基本上是夫唱妇随，更多是陪着我父亲，也会说说文艺界的情况。</p>"
    "</div></div><script>var ct = \"1568698140\";</script></body></html>");

  g_assert_cmpstr (wenji_article_get_author (article), ==, "高渊");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "某某新闻");
}

/* A WeChat page keeps the day it shows in `publish_time` and a Unix time
 * in `ct`: the time counts when it falls on the day shown, the day shown
 * when the article was written earlier and sent later. */
static void
test_wechat_shown_date (void)
{
  static const struct {
    const char *shown;
    const char *published;
  } cases[] = {
    { "2018-01-03", "2018-01-03 21:35 +08:00" },
    { "2018-01-20", "2018-01-20" },
  };
  g_autofree char *path = page_path ("wechat-older.html");
  g_autofree char *page = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &page, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GString) shown = g_string_new (page);
    g_autofree char *script = g_strdup_printf ("var ct = \"1514986500\";\n"
                                               "var publish_time = \"%s\" || \"\";",
                                               cases[i].shown);
    g_autofree char *date = g_strdup_printf ("%s</em>", cases[i].shown);
    g_autoptr (WenjiArticle) article = NULL;

    g_string_replace (shown, "var ct = \"1514986500\";", script, 1);
    g_string_replace (shown, "2018-01-03</em>", date, 1);
    /* A format's description in brackets names no writer; a call for
     * tips under its own heading ends the article. */
    g_string_replace (shown, "<p>帮转哈。</p>",
                      "<p>输入格式如下：</p><p>（空行）</p><h3>欢迎打赏支持</h3>"
                      "<p>我们坚持不登商业广告，公众号靠大家的打赏来维持运营。</p>", 1);
    /* A repost names the account that published it first. */
    g_string_replace (shown, "<p>系统刚上线时", "<p>本文授权转载自公众号“缓存研究”</p><p>系统刚上线时", 1);
    article = parse_page ("wechat.html", shown->str);
    g_assert_cmpstr (wenji_article_get_source (article), ==, "缓存研究");
    g_assert_cmpstr (wenji_article_get_published_at (article), ==, cases[i].published);
    g_assert_cmpstr (wenji_article_get_author (article), ==, "老周");
    g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "（空行）"));
  }
}

/* A Big5 page with a few bytes from another encoding, a link pasted in
 * from a UTF-8 page, is read in the encoding it declares; a page with
 * many such bytes is not guessed at. */
static void
test_stray_bytes (void)
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  const char *page =
    "<!DOCTYPE html><html><head><meta charset=\"big5\">"
    "<title>港都夜市攤商迎來觀光客</title></head><body>"
    "<div class=\"nav\"><a href=\"/\">首頁</a> <a href=\"/talk\">@@</a></div>"
    "<h1>港都夜市攤商迎來觀光客</h1><div class=\"content\">"
    "<p>連假期間港都各大夜市湧入大批觀光客，攤商忙到凌晨才收攤，營業額比平日多出兩成。</p>"
    "<p>夜市自治會表示，今年起推動行動支付與減塑，也請攤商加強環境清潔，讓遊客吃得安心。</p>"
    "</div></body></html>";
  /* 討論 as UTF-8 bytes, which Big5 does not have. */
  g_autofree char *big5 = g_convert (page, -1, "BIG5", "UTF-8", NULL, NULL, NULL);
  g_auto (GStrv) halves = g_strsplit (big5, "@@", 2);
  g_autofree char *stray = g_strconcat (halves[0], "\xe8\xa8\x8e\xe8\xab\x96", halves[1], NULL);
  g_autoptr (GString) damaged = g_string_new (halves[0]);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GPtrArray) refused = NULL;
  WenjiArticle *article;

  articles = wenji_import_parse_bytes (format, "stray.html", stray, strlen (stray), NULL, &error);
  g_assert_no_error (error);
  article = articles->pdata[0];
  g_assert_cmpstr (wenji_article_get_title (article), ==, "港都夜市攤商迎來觀光客");
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article), "讓遊客吃得安心。"));

  for (guint i = 0; i < 40; i++)
    g_string_append (damaged, "\xe8\xa8\x8e");
  g_string_append (damaged, halves[1]);
  refused = wenji_import_parse_bytes (format, "damaged.html", damaged->str, damaged->len, NULL,
                                      &error);
  g_assert_null (refused);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING);
}

/* A GBK page that does not declare its charset is still read; one that
 * declares a wrong one is read by what its bytes are. */
static void
test_charsets (Scratch       *scratch,
               gconstpointer  data)
{
  g_autofree char *utf8_path = page_path ("news-gbk-zsnews.html");
  g_autofree char *stored = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *undeclared = NULL;
  g_autofree char *gbk = NULL;
  g_autofree char *path = scratch_path (scratch, "undeclared.htm");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reference = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  gsize length;
  WenjiArticle *a, *b;

  g_assert_true (g_file_get_contents (utf8_path, &stored, &length, &error));
  utf8 = g_convert (stored, length, "UTF-8", "GB18030", NULL, NULL, &error);
  g_assert_no_error (error);

  /* Without the meta charset: uchardet alone tells GBK. */
  {
    g_autoptr (GRegex) meta = g_regex_new ("<meta http-equiv[^>]*>", G_REGEX_CASELESS, 0, NULL);
    undeclared = g_regex_replace_literal (meta, utf8, -1, 0, "", 0, NULL);
  }
  gbk = g_convert (undeclared, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, gbk, length, &error));

  reference = wenji_import_parse_file (utf8_path, &error);
  g_assert_no_error (error);
  articles = wenji_import_parse_file (path, &error);
  g_assert_no_error (error);

  a = reference->pdata[0];
  b = articles->pdata[0];
  g_assert_cmpstr (wenji_article_get_title (b), ==, wenji_article_get_title (a));
  g_assert_cmpstr (wenji_article_get_body (b), ==, wenji_article_get_body (a));
  g_assert_cmpstr (wenji_article_get_author (b), ==, "李明");
}

/* Old GBK pages indent with the bytes A3 A0, which GB18030 maps to a
 * private-use character and browsers show as a full-width space: the page
 * is read, and the indents are spaces. */
static void
test_gb_spaces (void)
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("chapter.html");
  const char *paragraphs[] = {
    "有一个法官，因为听见一位传道人常常说要凡事谢恩，就想试试他。",
    "一天，法官借故把他关进牢里，晚上去听他有什么动静。",
    "他在牢里祷告说：感谢主，今天我能在这里安静地读经。",
  };
  g_autoptr (GString) page = g_string_new ("<html><head><meta http-equiv=\"Content-Type\" "
                                           "content=\"text/html; charset=gb2312\">"
                                           "<title>二十三、感赞</title></head><body>");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  const char *body;

  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++) {
    g_autofree char *gbk = g_convert (paragraphs[i], -1, "GB18030", "UTF-8", NULL, NULL, &error);

    g_assert_no_error (error);
    g_string_append (page, "<p>\xA3\xA0\xA3\xA0");
    g_string_append (page, gbk);
    g_string_append (page, "</p>");
  }
  g_string_append (page, "</body></html>");

  articles = wenji_import_parse_bytes (format, "chapter.html", page->str, page->len, NULL, &error);
  g_assert_no_error (error);
  body = wenji_article_get_body (articles->pdata[0]);
  g_assert_true (g_str_has_prefix (body, paragraphs[0]));
  g_assert_null (strstr (body, "\uE5E5"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++) {
    g_autofree char *name = g_strdup_printf ("/import-html/page/%s", pages[i].file);
    g_test_add (name, Scratch, &pages[i], scratch_setup, test_page, scratch_teardown);
  }
  SCRATCH_TEST ("/import-html/refused-pages", test_refused_pages);
  g_test_add_func ("/import-html/home-addresses", test_home_addresses);
  g_test_add_func ("/import-html/archive-addresses", test_archive_addresses);
  g_test_add_func ("/import-html/account-history", test_account_history);
  g_test_add_func ("/import-html/prices-in-articles", test_prices_in_articles);
  g_test_add_func ("/import-html/writer-below", test_writer_below);
  g_test_add_func ("/import-html/article-header", test_article_header);
  g_test_add_func ("/import-html/time-elements", test_time_elements);
  g_test_add_func ("/import-html/comments-name-poster", test_comments_name_poster);
  g_test_add_func ("/import-html/post-widgets", test_post_widgets);
  g_test_add_func ("/import-html/blog-writers", test_blog_writers);
  g_test_add_func ("/import-html/post-and-update", test_post_and_update);
  g_test_add_func ("/import-html/headline-in-header", test_headline_in_header);
  g_test_add_func ("/import-html/report-advert", test_report_advert);
  g_test_add_func ("/import-html/editor-after-name", test_editor_after_name);
  g_test_add_func ("/import-html/video-link-below", test_video_link_below);
  g_test_add_func ("/import-html/search-titles", test_search_titles);
  g_test_add_func ("/import-html/dates", test_dates);
  g_test_add_func ("/import-html/credits", test_credits);
  g_test_add_func ("/import-html/newsrooms", test_newsrooms);
  g_test_add_func ("/import-html/blog-signature", test_blog_signature);
  g_test_add_func ("/import-html/title-above-text", test_title_above_text);
  g_test_add_func ("/import-html/text-edges", test_text_edges);
  g_test_add_func ("/import-html/second-story", test_second_story);
  g_test_add_func ("/import-html/second-story-dateline", test_second_story_dateline);
  g_test_add_func ("/import-html/second-story-brief", test_second_story_brief);
  g_test_add_func ("/import-html/producer-and-lead", test_producer_and_lead);
  g_test_add_func ("/import-html/picture-story", test_picture_story);
  g_test_add_func ("/import-html/licence-notice", test_licence_notice);
  g_test_add_func ("/import-html/lead-block", test_lead_block);
  g_test_add_func ("/import-html/portal-wrapping", test_portal_wrapping);
  g_test_add_func ("/import-html/credit-table", test_credit_table);
  g_test_add_func ("/import-html/pull-quote", test_pull_quote);
  g_test_add_func ("/import-html/related-after-credit", test_related_after_credit);
  g_test_add_func ("/import-html/title-with-dash", test_title_with_dash);
  g_test_add_func ("/import-html/title-reworded", test_title_reworded);
  g_test_add_func ("/import-html/unclosed-paragraphs", test_unclosed_paragraphs);
  g_test_add_func ("/import-html/disclosure-index", test_disclosure_index);
  g_test_add_func ("/import-html/office-closing", test_office_closing);
  g_test_add_func ("/import-html/government-pages", test_government_pages);
  g_test_add_func ("/import-html/closing-notes", test_closing_notes);
  g_test_add_func ("/import-html/bracketed-caption", test_bracketed_caption);
  g_test_add_func ("/import-html/reading-box", test_reading_box);
  g_test_add_func ("/import-html/wrapped-blocks", test_wrapped_blocks);
  g_test_add_func ("/import-html/floated-box", test_floated_box);
  g_test_add_func ("/import-html/deck-above-credit", test_deck_above_credit);
  g_test_add_func ("/import-html/summary-box", test_summary_box);
  g_test_add_func ("/import-html/centered-caption", test_centered_caption);
  g_test_add_func ("/import-html/dateline-line", test_dateline_line);
  g_test_add_func ("/import-html/title-sites", test_title_sites);
  g_test_add_func ("/import-html/foreign-report", test_foreign_report);
  g_test_add_func ("/import-html/paper-footer", test_paper_footer);
  g_test_add_func ("/import-html/home-logo", test_home_logo);
  g_test_add_func ("/import-html/script-data", test_script_data);
  g_test_add_func ("/import-html/editor-below", test_editor_below);
  g_test_add_func ("/import-html/picture-label", test_picture_label);
  g_test_add_func ("/import-html/linked-paragraph", test_linked_paragraph);
  g_test_add_func ("/import-html/reader-notices", test_reader_notices);
  g_test_add_func ("/import-html/wechat-shown-date", test_wechat_shown_date);
  g_test_add_func ("/import-html/wechat-original-mark", test_wechat_original_mark);
  g_test_add_func ("/import-html/old-blog-post", test_old_blog_post);
  g_test_add_func ("/import-html/time-under-text", test_time_under_text);
  g_test_add_func ("/import-html/gb-spaces", test_gb_spaces);
  g_test_add_func ("/import-html/wrapped-page", test_wrapped_page);
  g_test_add_func ("/import-html/site-in-og-title", test_site_in_og_title);
  g_test_add_func ("/import-html/stray-bytes", test_stray_bytes);
  SCRATCH_TEST ("/import-html/charsets", test_charsets);

  return g_test_run ();
}
