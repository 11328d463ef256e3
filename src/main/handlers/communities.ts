// Communities (全宗) and their rosters.
import { listCommunities, renameCommunity, saveCommunity } from '../core/communities/repository';
import { addRosterEntry, endRosterEntry, listRoster, updateRosterEntry } from '../core/roster/repository';
import type { Handlers } from './types';

export const communityHandlers: Handlers<'communities.list' | 'communities.save' | 'communities.rename' | 'roster.list' | 'roster.add' | 'roster.end' | 'roster.update'> = {
  'communities.list': (ctx) => listCommunities(ctx.db),
  'communities.save': (ctx, input) => saveCommunity(ctx, input),
  'communities.rename': (ctx, input) => renameCommunity(ctx, input),
  'roster.list': (ctx, { communityId }) => listRoster(ctx.db, communityId),
  'roster.add': async (ctx, input) => {
    await addRosterEntry(ctx, input);
    return listRoster(ctx.db, input.communityId);
  },
  'roster.end': (ctx, { id, endDate }) => endRosterEntry(ctx, id, endDate),
  'roster.update': (ctx, { id, patch }) => updateRosterEntry(ctx, id, patch),
};
