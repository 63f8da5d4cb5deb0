// The readings of the danger check's thirteenth pass (decision 0055): the scope of a cue (a denial,
// an animal, a staged or fictional setting, a name, a year long gone, a turn after an ordinary
// question) and the readings by family, with the look-alikes each must leave alone. Every sentence
// here is new wording (none is taken from a data set). The rules are read alone (no learned backup).
import { expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';

describe('danger check, thirteenth pass (decision 0055)', () => {
  describe('a denial', () => {
    it('sets aside a cue whose intent is denied, in Chinese and mixed text', () => {
      expectRuleNone('心情不太好，但我从来没想过伤害自己，只是想找人聊聊');
      expectRuleNone('最近压力好大 不过我没打算伤害自己 就是想倾诉一下');
      expectRuleNone('I feel low lately but I am not going to hurt myself, just want someone to talk to');
    });

    it('sets aside a cue whose last clause opens with a denial ("…的，没有异味")', () => {
      expectRuleNone('燃气灶点不着了，用的天然气，没有什么异味');
    });

    it('sets aside an English wound that has stopped bleeding, but never a person who has stopped breathing', () => {
      expectRuleNone('grazed my knee on the steps, it has stopped bleeding now, do I need a plaster');
      expectRuleRead('my dad collapsed and has stopped breathing', 'unconscious');
    });

    it('keeps a danger told beside a denial of something else, and one where the denial is not of it', () => {
      expectRuleRead('没人管我，我真的想死', 'self_harm');
      expectRuleRead('没想到他真的从楼顶跳下去了', 'self_harm');
      expectRuleRead('我不想活了', 'self_harm');
      expectRuleRead('老伴出去散步一整天了，还没回来，他有老年痴呆', 'missing');
    });

    it('sets aside a distress said not to be of the body, not one of the body', () => {
      expectRuleNone('胸口堵得慌，像喘不过气一样，医生说不是身体上的毛病，想找人聊聊');
      expectRuleRead('我爸突然喘不过气，嘴唇发紫', 'unconscious');
    });
  });

  describe('an animal', () => {
    it('sets aside a fall, a fall into water or a flooded pen when an animal is the subject and no person is at risk', () => {
      expectRuleNone('我家的狗从阳台上掉下去了，好像瘸了，哪里有兽医');
      expectRuleNone('羊圈进水了，两只小羊羔在发抖，附近有兽医吗');
      expectRuleNone('my kitten got stuck behind the washing machine, she is out now but limping');
      expectRuleNone('我的 kitten 掉进井盖缝里了 出不来 有没有人帮忙');
    });

    it('keeps a person at risk beside an animal, an animal doing harm, and a flood that carries animals off', () => {
      expectRuleRead('猫跑了，奶奶去追，从楼梯上摔下来了起不来', 'fall');
      expectRuleRead('邻居的狗发疯了，咬伤了两个小孩，流了好多血', 'bleeding');
      expectRuleRead('洪水冲进院子 把鸭棚冲走了 我们一家躲在阁楼上', 'flood');
    });
  });

  describe('a staged or fictional setting, a name, a year long gone', () => {
    it('sets aside a drill or a role played, a show, a film and a song', () => {
      expectRuleNone('学校下周搞地震演练，要几个家长扮演被困的伤员，谁愿意报名');
      expectRuleNone('昨晚那部电视剧里的火灾镜头拍得太真了，我妈都看哭了');
      expectRuleNone('我们合唱团新歌名叫《洪水》，想借社区礼堂排一下');
      expectRuleNone('那部电影里 tsunami 的画面太吓人了');
      expectRuleNone('the choir was on fire tonight, can they sing at the fair');
    });

    it('keeps a danger that happened during the setting or that is real now', () => {
      expectRuleRead('演练的时候真有个老人晕倒了，现在叫不醒', 'unconscious');
      expectRuleRead('看电影时突然着火了，大家都在往外跑', 'fire');
      expectRuleRead('my neighbour is shouting that the kitchen is on fire', 'fire');
      // A mock exam is no staged setting.
      expectRuleRead('模拟考试又考砸了，我真的想死', 'self_harm');
    });

    it('sets aside a flood of a year long gone, not one of today', () => {
      expectRuleNone('想把1991年那场洪水的老照片做成展览');
      expectRuleRead('水漫进屋里了，老人还在一楼出不来', 'flood');
    });
  });

  describe('over, preventive or a look-alike', () => {
    it('sets aside a scam call with the person safe, a device no longer used, a habit of speech', () => {
      expectRuleNone('骗子打电话说我女儿被绑架了，我打过去她好好的在宿舍，要不要报警');
      expectRuleNone('插座以前冒过火花，现在早就不用了，想请电工拆掉');
      expectRuleNone('孙子老把"不想活了"挂嘴边，他妈说是口头禅，想问问怎么引导');
    });

    it('sets aside a burns clinic, money not yet arrived, blind eyes, a question whether words were a threat', () => {
      expectRuleNone('想打听一下市里烧伤科哪个医生好，疤痕想做修复');
      expectRuleNone('上次的救灾补贴还没到，想问下进度');
      expectRuleNone('帮隔壁爷爷问问，他眼睛都看不清了，能不能申请助残补贴');
      expectRuleNone('房东说不搬就让我好看，这算不算恐吓，可以投诉吗');
      expectRuleNone('楼下烧烤店的烟呛死人了，能不能管管');
    });

    it('keeps a danger of the same words said as happening now', () => {
      expectRuleRead('有人绑架了我儿子，现在打不通电话', 'violence');
      expectRuleRead('插座冒火花了还有焦味', 'electric');
    });
  });

  describe('a turn after an ordinary question', () => {
    it('reads what follows the turn with its own context: a legal or insurance question before it sets nothing aside', () => {
      expectRuleRead('想问一下工伤认定要什么材料，刚刚我同事被钢管砸到头了，血一直流', 'bleeding');
      expectRuleRead('先问下离婚诉讼怎么立案，其实我现在躲在厕所里，他在外面砸门说要打死我', 'violence');
    });

    it('leaves an ordinary question with an ordinary turn alone, and keeps the old reading without a turn', () => {
      expectRuleNone('想问一下法律援助怎么申请，另外周末中心开门吗');
      expectRuleNone('想咨询一下工伤保险，去年在工地摔伤了腿，老板不赔');
      // "刚才说的" points back at the question: no turn.
      expectRuleNone('想问一下工伤赔偿的事，刚才说的是我表哥被机器轧断了手指，流了好多血，老板一直不认');
    });
  });

  describe('readings by family', () => {
    it('gas: a strong smell at a gas appliance with dizziness after it', () => {
      // ("头晕" alone is masked as an everyday complaint: the reading needs 晕, 恶心, 想吐 …)
      expectRuleRead('想问问燃气费怎么交，顺便说下壁挂炉那边味道特别冲，我妈在旁边站一会儿就犯恶心', 'gas');
      expectRuleNone('热水器那边味道有点大，可能是新装的管子');
    });

    it('missing: the report first and the person after it; an elder gone who knows where (Minnan folded)', () => {
      expectRuleRead('找不到了 我爸 有点糊涂的', 'missing');
      expectRuleRead('阮阿嬷毋知走去佗位，揣规日揣无人', 'missing');
      expectRuleNone('钥匙不见了 我的 在哪里');
    });

    it('self_harm: by water or at an edge, wanting to walk or step down; traditional characters folded', () => {
      expectRuleRead('現在一個人在江邊，好想走下去', 'self_harm');
      expectRuleRead('我站在楼顶上，真想跨下去', 'self_harm');
      expectRuleNone('我们在河边散步，想下去摸鱼');
    });

    it('violence: a threat to kill shouted with the man at the door', () => {
      expectRuleRead('我姐夫喝多了在门外踹门，喊着今晚要弄死我们', 'violence');
      expectRuleNone('我妈开玩笑说再不写作业就打死我 哈哈');
    });

    it('bleeding: clothes soaked through with blood', () => {
      expectRuleRead('工友被角磨机划到小腿，袜子都被血浸透了', 'bleeding');
    });

    it('collapse: a ceiling or roof sagging (English)', () => {
      expectRuleRead('the bedroom ceiling is bulging and plaster is dropping, my mum is asleep under it', 'collapse');
      expectRuleNone('the ceiling paint is peeling, can someone repaint it');
    });
  });

  it('bad input: empty, blank and very long text read as nothing', () => {
    expect(rulesOnly.assess('').level).toBe('none');
    expect(rulesOnly.assess('   ').level).toBe('none');
    expect(rulesOnly.assess('想问一下'.repeat(600) + '其实').level).toBe('none');
  });
});
