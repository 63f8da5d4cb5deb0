-- Per-chat order of outgoing messages: the dispatcher asks whether an earlier message to the same
-- chat is still pending before sending a later one (and WeChat batches read the later ones).
CREATE INDEX "sent_message_channel_chatId_seq_idx" ON "sent_message"("channel", "chatId", "seq");
