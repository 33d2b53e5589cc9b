import { useRouter } from 'vue-router'
import { useMembersStore } from '@/stores/members'

/** Opens a member in the drawer, which lives on the 会员 screen, from any list of members. */
export function useOpenMember() {
  const members = useMembersStore()
  const router = useRouter()
  return async (memberId: number) => {
    await members.open(memberId)
    await router.push({ name: 'members' })
  }
}
