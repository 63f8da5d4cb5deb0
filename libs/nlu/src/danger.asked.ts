// Whether a message is asked rather than told (decision 0068): a question mark, a question word or
// particle, a hedge or a request for advice ("请问", "我就问一下", "…正常吗", "这个算威胁吗", "怎么处理",
// "要紧吗", "is that normal?", "should I worry?"). The rules set many cues aside inside such frames
// (a question about routine care, a lesson, a question asked of anyone); when they set every cue of
// a message aside and the message is asked, the learned vote is consulted too (danger.detector.ts).
const ZH_ASKED =
  /[?？]|[吗嘛么]\s*$|[吗嘛][，,。.!！~～\s]|请问|问一下|问下|问个|咨询|请教|怎么办|怎么处理|咋办|咋处理|如何处理|怎么弄|怎么搞|正常吗|正不正常|要紧吗|要不要紧|严重吗|严不严重|算不算|算是|有没有事|有事吗|会不会|是不是|该不该|需不需要|要不要|能不能|可不可以|该怎么|应该怎么|该找谁|找谁/;
const EN_ASKED =
  /\?|\b(?:is (?:it|this|that) (?:normal|ok|okay|serious|bad|dangerous)|should i|do i need|what (?:should|do|can) i|how (?:do|should|can) i|can i ask|just asking|quick question|wondering|any advice|is there a way)\b/;

/** Whether the (normalised, lower-case) message asks, hedges or requests advice. */
export function isAsked(text: string): boolean {
  return ZH_ASKED.test(text) || EN_ASKED.test(text);
}
